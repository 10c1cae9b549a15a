package org.boxoffice.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.platform.boundary.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * The RS256 key pair that signs access tokens. Production gives it by configuration
 * (JWT_PRIVATE_KEY and JWT_PUBLIC_KEY, PEM); with none configured a dev pair is generated at first
 * start and kept in the server's data directory. Either way the verification keys are written as a
 * JSON Web Key Set to {@code <data dir>/jwt/jwks.json}, for other services, and kept for {@link
 * AccessTokens} to verify bearer tokens with: the current public key and, during a key rotation,
 * the previous ones (JWT_PREVIOUS_PUBLIC_KEYS), each under its {@code kid}, so tokens signed before
 * the rotation keep working until they expire. The current public key alone is also written to
 * {@code public.pem}.
 */
@ApplicationScoped
public class JwtKeys {
  private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());

  @Inject
  @ConfigProperty(name = "jwt.private.key")
  Optional<String> configuredPrivateKey;

  @Inject
  @ConfigProperty(name = "jwt.public.key")
  Optional<String> configuredPublicKey;

  @Inject
  @ConfigProperty(name = "jwt.previous.public.keys")
  Optional<String> configuredPreviousKeys;

  @Inject
  @ConfigProperty(name = "boxoffice.data.dir", defaultValue = "data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "boxoffice.env", defaultValue = "dev")
  String environment;

  private volatile KeyPair keyPair;
  private volatile String keyId;
  private volatile String failure;
  private volatile List<JsonWebKey> verificationKeys = List.of();

  void onStart(@Observes Startup startup) {
    try {
      keyPair();
    } catch (RuntimeException e) {
      failure = e.getMessage();
      LOG.log(Level.SEVERE, "JWT signing keys unusable, sign-in is disabled: {0}", failure);
    }
  }

  /** Why tokens cannot be signed, or empty when the keys are fine. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public PrivateKey signingKey() {
    return keyPair().getPrivate();
  }

  public PublicKey verificationKey() {
    return keyPair().getPublic();
  }

  /** The keys a token may be signed with: the current one and, during a rotation, the previous. */
  public List<JsonWebKey> verificationKeys() {
    keyPair();
    return verificationKeys;
  }

  /** A stable id of the current key (a thumbprint), sent as the token's {@code kid}. */
  public String keyId() {
    keyPair();
    return keyId;
  }

  private KeyPair keyPair() {
    if (failure != null) {
      throw new ApiException(503, "AUTH_UNAVAILABLE", "Sign-in is unavailable; try again later");
    }
    KeyPair pair = keyPair;
    if (pair == null) {
      synchronized (this) {
        if (keyPair == null) {
          KeyPair resolved = resolve();
          List<PublicKey> previous = previousKeys();
          keyId = thumbprint(resolved.getPublic());
          publish(resolved.getPublic(), previous);
          keyPair = resolved;
        }
        pair = keyPair;
      }
    }
    return pair;
  }

  private KeyPair resolve() {
    try {
      if (configuredPrivateKey.isPresent() && configuredPublicKey.isPresent()) {
        return new KeyPair(
            readPublic(configuredPublicKey.get()), readPrivate(configuredPrivateKey.get()));
      }
      if (configuredPrivateKey.isPresent() || configuredPublicKey.isPresent()) {
        throw new IllegalStateException(
            "Configure both JWT_PRIVATE_KEY and JWT_PUBLIC_KEY, or neither (dev key pair)");
      }
      return devKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JWT keys are not valid PEM RSA keys", e);
    }
  }

  private KeyPair devKeyPair() throws GeneralSecurityException {
    if ("production".equalsIgnoreCase(environment)) {
      // A generated pair in production would sign tokens with a key nobody manages or rotates.
      throw new IllegalStateException(
          "BOXOFFICE_ENV=production requires JWT_PRIVATE_KEY and JWT_PUBLIC_KEY; refusing to"
              + " generate a dev key pair");
    }
    Path dir = Path.of(dataDir, "jwt");
    Path privateFile = dir.resolve("dev-private.pem");
    Path publicFile = dir.resolve("dev-public.pem");
    try {
      if (Files.exists(privateFile) && Files.exists(publicFile)) {
        return new KeyPair(
            readPublic(Files.readString(publicFile)), readPrivate(Files.readString(privateFile)));
      }
      LOG.warning(
          "No JWT_PRIVATE_KEY/JWT_PUBLIC_KEY configured: generating a DEV-ONLY key pair in "
              + dir.toAbsolutePath()
              + ". Configure real keys in production.");
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Files.createDirectories(dir);
      writeAtomically(publicFile, Pem.encode(Pem.PUBLIC, pair.getPublic().getEncoded()));
      writeAtomically(privateFile, Pem.encode(Pem.PRIVATE, pair.getPrivate().getEncoded()));
      restrictToOwner(privateFile);
      return pair;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the dev JWT key pair in " + dir, e);
    }
  }

  /**
   * The public keys of earlier signing keys, still accepted while their tokens may be alive: PEM
   * blocks one after another, or base64 bodies separated by commas (one line, for env files).
   */
  private List<PublicKey> previousKeys() {
    List<PublicKey> keys = new ArrayList<>();
    String all = configuredPreviousKeys.orElse("");
    String separated = all.replace("-----END PUBLIC KEY-----", ",");
    for (String one : separated.split(",")) {
      String body = one.replace("-----BEGIN PUBLIC KEY-----", "").replaceAll("\\s", "");
      if (body.isEmpty()) {
        continue;
      }
      try {
        keys.add(readPublic(body));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "JWT_PREVIOUS_PUBLIC_KEYS holds something that is not a PEM RSA public key", e);
      }
    }
    return keys;
  }

  private void publish(PublicKey current, List<PublicKey> previous) {
    Path dir = Path.of(dataDir, "jwt");
    List<JsonWebKey> jwks = new ArrayList<>();
    for (PublicKey key : concat(current, previous)) {
      RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key);
      jwk.setKeyId(thumbprint(key));
      jwk.setUse("sig");
      jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      jwks.add(jwk);
    }
    try {
      Files.createDirectories(dir);
      writeAtomically(dir.resolve("public.pem"), Pem.encode(Pem.PUBLIC, current.getEncoded()));
      writeAtomically(dir.resolve("jwks.json"), new JsonWebKeySet(jwks).toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the JWT public keys to " + dir, e);
    }
    verificationKeys = List.copyOf(jwks);
    if (!previous.isEmpty()) {
      LOG.info(
          () ->
              "JWT verification accepts "
                  + previous.size()
                  + " previous key(s) besides the current one: remove JWT_PREVIOUS_PUBLIC_KEYS"
                  + " once tokens they signed have expired");
    }
  }

  private static List<PublicKey> concat(PublicKey first, List<PublicKey> rest) {
    List<PublicKey> all = new ArrayList<>();
    all.add(first);
    rest.stream().filter(key -> !key.equals(first)).forEach(all::add);
    return all;
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    Files.writeString(temp, content, StandardCharsets.US_ASCII);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void restrictToOwner(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException e) {
      LOG.fine(() -> "could not restrict permissions of " + file + ": " + e);
    }
  }

  private static PublicKey readPublic(String pem) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Pem.decode(pem)));
  }

  private static PrivateKey readPrivate(String pem) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(pem)));
  }

  private static String thumbprint(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
