package org.boxoffice.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  private static final int SERVERS = 32;

  @TempDir Path dataDir;

  @Test
  void servers_starting_together_on_one_directory_all_keep_the_first_writers_key()
      throws Exception {
    Set<String> generated = ConcurrentHashMap.newKeySet();
    List<String> kept =
        race(
            () ->
                new KeyFiles(dataDir, "dev")
                    .devKey(
                        "qr",
                        "dev-signing.key",
                        "QR_SIGNING_KEY",
                        () -> {
                          String key = UUID.randomUUID().toString();
                          generated.add(key);
                          return key;
                        }));

    assertThat(kept).hasSize(SERVERS).containsOnly(kept.get(0));
    assertThat(generated).contains(kept.get(0));
    assertThat(Files.readString(dataDir.resolve("qr/dev-signing.key"))).isEqualTo(kept.get(0));
    try (Stream<Path> files = Files.list(dataDir.resolve("qr"))) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("dev-signing.key");
    }
  }

  @Test
  void a_pair_is_never_seen_half_written_while_servers_race_to_write_it() throws Exception {
    Path file = dataDir.resolve("jwt/dev-keypair.pem");
    AtomicBoolean racing = new AtomicBoolean(true);
    List<String> seen = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (racing.get() || seen.isEmpty()) {
                try {
                  seen.add(Files.readString(file));
                } catch (NoSuchFileException notYet) {
                  Thread.onSpinWait();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    reader.start();
    List<String> kept;
    try {
      kept =
          race(
              () ->
                  new KeyFiles(dataDir, "dev")
                      .devKey("jwt", "dev-keypair.pem", "JWT", KeyFilesTest::pair));
    } finally {
      racing.set(false);
      reader.join();
    }

    assertThat(kept).containsOnly(kept.get(0));
    assertThat(kept.get(0)).contains("END FIRST HALF").contains("END SECOND HALF");
    assertThat(seen).allSatisfy(read -> assertThat(read).isEqualTo(kept.get(0)));
  }

  @Test
  void the_key_file_and_its_directory_are_for_the_servers_user_only() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Files.createDirectories(
        dataDir.resolve("totp"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

    new KeyFiles(dataDir, "dev").devKey("totp", "dev-key", "TOTP_ENCRYPTION_KEY", () -> "secret");

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("totp"))))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("totp/dev-key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void a_key_already_on_disk_is_read_and_never_replaced() throws IOException {
    Files.createDirectories(dataDir.resolve("qr"));
    Files.writeString(dataDir.resolve("qr/dev-signing.key"), "kept");

    String key =
        new KeyFiles(dataDir, "dev")
            .devKey(
                "qr",
                "dev-signing.key",
                "QR_SIGNING_KEY",
                () -> {
                  throw new AssertionError("a key on disk must not be regenerated");
                });

    assertThat(key).isEqualTo("kept");
  }

  @Test
  void production_refuses_a_dev_key_and_writes_nothing() throws IOException {
    Files.createDirectories(dataDir.resolve("qr"));
    Files.writeString(dataDir.resolve("qr/dev-signing.key"), "left by a dev run");
    KeyFiles production = new KeyFiles(dataDir, "production");

    assertThatThrownBy(
            () -> production.devKey("qr", "dev-signing.key", "QR_SIGNING_KEY", () -> "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "BOXOFFICE_ENV=production requires QR_SIGNING_KEY; refusing to generate a dev key");
    assertThatThrownBy(() -> production.devKey("totp", "dev-key", "TOTP_ENCRYPTION_KEY", () -> "x"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(dataDir.resolve("totp")).doesNotExist();
  }

  /** Runs the start on SERVERS threads released at once; returns what each one kept. */
  private static List<String> race(java.util.concurrent.Callable<String> start) throws Exception {
    CyclicBarrier together = new CyclicBarrier(SERVERS);
    ExecutorService pool = Executors.newFixedThreadPool(SERVERS);
    try {
      List<Future<String>> starts = new ArrayList<>();
      for (int i = 0; i < SERVERS; i++) {
        starts.add(
            pool.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  return start.call();
                }));
      }
      List<String> kept = new ArrayList<>();
      for (Future<String> f : starts) {
        kept.add(f.get(30, TimeUnit.SECONDS));
      }
      return kept;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Two halves, shaped like a key pair's PEM blocks, large enough that a torn write would show. */
  private static String pair() {
    String id = UUID.randomUUID().toString();
    return "-----BEGIN FIRST HALF-----\n"
        + (id + "\n").repeat(200)
        + "-----END FIRST HALF-----\n-----BEGIN SECOND HALF-----\n"
        + (id + "\n").repeat(50)
        + "-----END SECOND HALF-----\n";
  }
}
