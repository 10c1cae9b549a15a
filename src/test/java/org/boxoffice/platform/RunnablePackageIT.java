package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.LibertyServer;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.Test;

/**
 * The runnable package the build makes ({@code target/boxoffice-runnable.jar}, what the image
 * wraps) started the way an operator would: {@code java -jar} in an empty directory, configured by
 * environment variables only. It becomes ready, serves the API from the shared database, and stops
 * cleanly on SIGTERM.
 */
class RunnablePackageIT {

  @Test
  void the_runnable_jar_starts_from_the_environment_serves_the_api_and_stops_on_sigterm()
      throws Exception {
    Path jar = targetDirectory().resolve("boxoffice-runnable.jar");
    assertThat(jar).as("the build makes the runnable package").isRegularFile();
    PaymentFixtures.awaitApplication();
    Accounts.User organizer = Accounts.organizer();
    Accounts.User attendee = Accounts.attendee();
    long eventId = PaymentFixtures.publishedEvent(organizer.api(), "Runnable jar", 10, "0");

    Path work = Files.createTempDirectory("boxoffice-runnable");
    int port = LibertyServer.port(33);
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString())
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("console.log").toFile());
    Map<String, String> env = builder.environment();
    // Only what an operator would set: nothing of the build's own database settings leaks in.
    env.keySet().removeIf(key -> key.startsWith("DB_") || key.startsWith("BOXOFFICE_"));
    env.putAll(LibertyServer.testDatabaseEnv());
    env.put("HTTP_PORT", String.valueOf(port));
    env.put("HTTPS_PORT", String.valueOf(port + 363));
    env.put("WLP_JAR_EXTRACT_DIR", work.resolve("extract").toString());
    // The main test server's data directory holds its dev JWT keys: one token works on both.
    env.put("BOXOFFICE_DATA_DIR", mainServerDataDirectory().toString());
    Process server = builder.start();
    try {
      Api api = Api.at(port);
      PaymentFixtures.await(
          () -> ready(api), Duration.ofMinutes(4), "the runnable jar did not become ready");

      ApiResponse event = api.get("/events/" + eventId);
      assertThat(event.status()).as(event.toString()).isEqualTo(200);
      assertThat(event.data().getString("title")).isEqualTo("Runnable jar");
      ApiResponse booked = PaymentFixtures.book(api.as(attendee.token()), eventId, 2);
      assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
      assertThat(booked.data().getString("status")).isEqualTo("CONFIRMED");
      assertThat(PaymentFixtures.tickets(PaymentFixtures.id(booked.data()))).isEqualTo(2);

      server.destroy();
      assertThat(server.waitFor(2, TimeUnit.MINUTES)).as("stopped after SIGTERM").isTrue();
      assertThat(Files.readString(work.resolve("console.log"))).contains("CWWKE0036I");
    } finally {
      if (server.isAlive()) {
        server.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
      }
      deleteTree(work);
    }
  }

  private static boolean ready(Api api) {
    try {
      return api.get("/health/ready").status() == 200;
    } catch (RuntimeException notListeningYet) {
      return false;
    }
  }

  private static Path targetDirectory() {
    return Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"))
        .toAbsolutePath()
        .getParent()
        .getParent();
  }

  private static Path mainServerDataDirectory() {
    return Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"))
        .toAbsolutePath()
        .resolve("usr/servers")
        .resolve(System.getProperty("it.server.name", "boxoffice"))
        .resolve("data");
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path path : all) {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
