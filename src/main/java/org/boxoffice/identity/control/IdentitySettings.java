package org.boxoffice.identity.control;

import jakarta.enterprise.context.Dependent;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The identity settings, injected with {@code @Inject @ConfigProperties}. Their names have no
 * common prefix ({@code boxoffice.*}, {@code jwt.*}, {@code totp.*} and MicroProfile JWT's {@code
 * mp.jwt.verify.*}), so each field names its whole property. Each default lives here and nowhere
 * else, except those of the keys MicroProfile JWT reads itself ({@code boxoffice.jwt.issuer},
 * {@code boxoffice.jwt.audience} and {@code mp.jwt.verify.*}), which are in
 * microprofile-config.properties.
 */
@ConfigProperties(prefix = "")
@Dependent
public class IdentitySettings {
  @ConfigProperty(name = "boxoffice.jwt.issuer")
  public String jwtIssuer;

  @ConfigProperty(name = "boxoffice.jwt.audience")
  public String jwtAudience;

  @ConfigProperty(name = "boxoffice.jwt.lifetime.seconds", defaultValue = "900")
  public long jwtLifetimeSeconds;

  /** The issuer bearer tokens must name. */
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  public String verifyIssuer;

  /** The audiences bearer tokens may name. */
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  public List<String> verifyAudiences;

  @ConfigProperty(name = "mp.jwt.verify.clock.skew")
  public int verifyClockSkewSeconds;

  /** The signing key pair and, during a rotation, the previous public keys; dev keys if unset. */
  @ConfigProperty(name = "jwt.private.key")
  public Optional<String> jwtPrivateKey;

  @ConfigProperty(name = "jwt.public.key")
  public Optional<String> jwtPublicKey;

  @ConfigProperty(name = "jwt.previous.public.keys")
  public Optional<String> jwtPreviousPublicKeys;

  /** Bcrypt cost of password hashes (see issue 3 note for the measured login cost). */
  @ConfigProperty(name = "boxoffice.password.bcrypt.cost", defaultValue = "12")
  public int bcryptCost;

  /** Failed sign-ins per account and window before further attempts are refused. */
  @ConfigProperty(name = "boxoffice.login.failures.max", defaultValue = "5")
  public int loginFailuresMax;

  @ConfigProperty(name = "boxoffice.login.failures.window.seconds", defaultValue = "60")
  public int loginFailuresWindowSeconds;

  /** How long a refresh session lives (and its cookie). */
  @ConfigProperty(name = "boxoffice.session.lifetime.days", defaultValue = "7")
  public int sessionLifetimeDays;

  /** How long a replica trusts its memory that a session is still active. */
  @ConfigProperty(name = "boxoffice.session.check.cache.seconds", defaultValue = "5")
  public int sessionCheckCacheSeconds;

  /** The key TOTP secrets are encrypted with; a dev key outside production when unset. */
  @ConfigProperty(name = "totp.encryption.key")
  public Optional<String> totpEncryptionKey;

  @ConfigProperty(name = "boxoffice.totp.required.for.admin", defaultValue = "false")
  public boolean totpRequiredForAdmin;

  /** The first admin account, created at start-up when both are set. */
  @ConfigProperty(name = "boxoffice.admin.email")
  public Optional<String> adminEmail;

  @ConfigProperty(name = "boxoffice.admin.password")
  public Optional<String> adminPassword;
}
