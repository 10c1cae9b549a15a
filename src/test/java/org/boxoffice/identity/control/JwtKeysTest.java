package org.boxoffice.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Optional;
import org.boxoffice.platform.control.KeyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeysTest {
  @TempDir Path dataDir;

  @Test
  void a_dev_pair_is_kept_whole_in_one_file_and_used_again_at_the_next_start() throws Exception {
    JwtKeys first = keys();
    JwtKeys second = keys();

    assertThat(second.signingKey()).isEqualTo(first.signingKey());
    assertThat(second.verificationKey()).isEqualTo(first.verificationKey());
    String pair = Files.readString(dataDir.resolve("jwt/dev-keypair.pem"));
    assertThat(pair).contains("-----END PRIVATE KEY-----").contains("-----END PUBLIC KEY-----");
  }

  @Test
  void a_server_upgraded_in_place_keeps_the_pair_older_versions_wrote_in_two_files()
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair earlier = generator.generateKeyPair();
    Files.createDirectories(dataDir.resolve("jwt"));
    Files.writeString(
        dataDir.resolve("jwt/dev-private.pem"),
        Pem.encode(Pem.PRIVATE, earlier.getPrivate().getEncoded()));
    Files.writeString(
        dataDir.resolve("jwt/dev-public.pem"),
        Pem.encode(Pem.PUBLIC, earlier.getPublic().getEncoded()));

    JwtKeys keys = keys();

    assertThat(keys.signingKey()).isEqualTo(earlier.getPrivate());
    assertThat(keys.verificationKey()).isEqualTo(earlier.getPublic());
    assertThat(dataDir.resolve("jwt/dev-keypair.pem")).exists();
  }

  private JwtKeys keys() {
    JwtKeys keys = new JwtKeys();
    keys.settings = new IdentitySettings();
    keys.settings.jwtPrivateKey = Optional.empty();
    keys.settings.jwtPublicKey = Optional.empty();
    keys.settings.jwtPreviousPublicKeys = Optional.empty();
    keys.keyFiles = new KeyFiles(dataDir, "dev");
    return keys;
  }
}
