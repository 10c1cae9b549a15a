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
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.platform.boundary.ApiException;
import org.boxoffice.platform.control.KeyFiles;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * The RS256 key pair that signs access tokens. Production gives it by configuration
 * (JWT_PRIVATE_KEY and JWT_PUBLIC_KEY, PEM); with none configured outside production a dev pair is
 * generated at first start and kept in the server's data directory ({@link KeyFiles}). Either way
 * the verification keys are written as a JSON Web Key Set to {@code <data dir>/jwt/jwks.json}, for
 * other services, and kept for {@link AccessTokens} to verify bearer tokens with: the current
 * public key and, during a key rotation, the previous ones (JWT_PREVIOUS_PUBLIC_KEYS), each under
 * its {@code kid}, so tokens signed before the rotation keep working until they expire. The current
 * public key alone is also written to {@code public.pem}.
 */
@ApplicationScoped
public class JwtKeys {
  private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());

  @Inject KeyFiles keyFiles;
  @Inject @ConfigProperties IdentitySettings settings;

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
      throw new ApiException(
          503, IdentityErrors.AUTH_UNAVAILABLE, "Sign-in is unavailable; try again later");
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
      if (settings.jwtPrivateKey.isPresent() && settings.jwtPublicKey.isPresent()) {
        return new KeyPair(
            readPublic(settings.jwtPublicKey.get()), readPrivate(settings.jwtPrivateKey.get()));
      }
      if (settings.jwtPrivateKey.isPresent() || settings.jwtPublicKey.isPresent()) {
        throw new IllegalStateException(
            "Configure both JWT_PRIVATE_KEY and JWT_PUBLIC_KEY, or neither (dev key pair)");
      }
      return devKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JWT keys are not valid PEM RSA keys", e);
    }
  }

  /**
   * The dev pair, both halves in one file ({@code <data dir>/jwt/dev-keypair.pem}), so no start
   * ever pairs the private key of one generation with the public key of another.
   */
  private KeyPair devKeyPair() throws GeneralSecurityException {
    String pem =
        keyFiles.devKey(
            "jwt", "dev-keypair.pem", "JWT_PRIVATE_KEY and JWT_PUBLIC_KEY", this::earlierOrNewPair);
    return new KeyPair(readPublic(block(pem, Pem.PUBLIC)), readPrivate(block(pem, Pem.PRIVATE)));
  }

  /**
   * The pair older versions kept in two files, so a server upgraded in place keeps signing with the
   * key its tokens were issued under; a new pair when there is none.
   */
  private String earlierOrNewPair() {
    Path dir = keyFiles.directory("jwt");
    Path privateFile = dir.resolve("dev-private.pem");
    Path publicFile = dir.resolve("dev-public.pem");
    try {
      if (Files.exists(privateFile) && Files.exists(publicFile)) {
        return Files.readString(privateFile, StandardCharsets.US_ASCII).strip()
            + "\n"
            + Files.readString(publicFile, StandardCharsets.US_ASCII).strip()
            + "\n";
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      return Pem.encode(Pem.PRIVATE, pair.getPrivate().getEncoded())
          + Pem.encode(Pem.PUBLIC, pair.getPublic().getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dev JWT key pair in " + dir, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is part of every Java runtime", e);
    }
  }

  private static String block(String pem, String type) {
    Matcher m =
        Pattern.compile(
                "-----BEGIN " + type + "-----(.*?)-----END " + type + "-----", Pattern.DOTALL)
            .matcher(pem);
    if (!m.find()) {
      throw new IllegalStateException("the dev JWT key pair file has no " + type);
    }
    return m.group(1);
  }

  /**
   * The public keys of earlier signing keys, still accepted while their tokens may be alive: PEM
   * blocks one after another, or base64 bodies separated by commas (one line, for env files).
   */
  private List<PublicKey> previousKeys() {
    List<PublicKey> keys = new ArrayList<>();
    String all = settings.jwtPreviousPublicKeys.orElse("");
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
    List<JsonWebKey> jwks = new ArrayList<>();
    for (PublicKey key : concat(current, previous)) {
      RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key);
      jwk.setKeyId(thumbprint(key));
      jwk.setUse("sig");
      jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      jwks.add(jwk);
    }
    keyFiles.publish("jwt", "public.pem", Pem.encode(Pem.PUBLIC, current.getEncoded()));
    keyFiles.publish("jwt", "jwks.json", new JsonWebKeySet(jwks).toJson());
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
