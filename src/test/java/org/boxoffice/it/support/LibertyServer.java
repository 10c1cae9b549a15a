package org.boxoffice.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A second (third, ...) Liberty server on this machine, made as a copy of the server the build
 * started: same runtime, same application, its own ports, logs and environment. Tests use it for
 * what the main server cannot show: a start against another database, an outage, two servers on one
 * database.
 */
public final class LibertyServer implements AutoCloseable {
  private final Path wlp;
  private final String name;
  private final int httpPort;

  private LibertyServer(Path wlp, String name, int httpPort) {
    this.wlp = wlp;
    this.name = name;
    this.httpPort = httpPort;
  }

  /**
   * Copies the main server under a new name. The environment is exactly {@code env}: nothing of the
   * main server's database settings leaks in. Unless {@code env} says otherwise the copy shares the
   * main server's data directory, hence its dev JWT keys, so one token works on both.
   */
  public static LibertyServer copyOfMain(String name, int httpPort, Map<String, String> env) {
    Path wlp = Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"));
    Path main =
        wlp.resolve("usr/servers").resolve(System.getProperty("it.server.name", "boxoffice"));
    Path copy = wlp.resolve("usr/servers").resolve(name);
    try {
      stopQuietly(wlp, name);
      deleteTree(copy);
      Files.createDirectories(copy.resolve("apps"));
      Files.copy(main.resolve("server.xml"), copy.resolve("server.xml"));
      Files.copy(main.resolve("jvm.options"), copy.resolve("jvm.options"));
      // A copy serves one test class for a minute or two: the client compiler alone and the
      // serial collector leave the two cores to the servers already running and bring a copy up in
      // about half the time (55 s -> 26 s measured here with the suite's main server running).
      Files.writeString(
          copy.resolve("jvm.options"),
          "-XX:TieredStopAtLevel=1\n-XX:+UseSerialGC\n",
          StandardOpenOption.APPEND);
      try (Stream<Path> apps = Files.list(main.resolve("apps"))) {
        for (Path app : apps.toList()) {
          Files.copy(app, copy.resolve("apps").resolve(app.getFileName()));
        }
      }
      Files.writeString(
          copy.resolve("bootstrap.properties"),
          "http.port=" + httpPort + "\nhttps.port=" + (httpPort + 363) + "\n");
      Map<String, String> all = new LinkedHashMap<>();
      // Liberty's default keystore needs its password, and MicroProfile JWT accepts no token
      // without a usable default keystore: the copy gets the main server's.
      Files.readAllLines(main.resolve("server.env")).stream()
          .filter(line -> line.startsWith("keystore_password="))
          .findFirst()
          .ifPresent(line -> all.put("keystore_password", line.substring(line.indexOf('=') + 1)));
      all.put("BOXOFFICE_DATA_DIR", main.resolve("data").toAbsolutePath().toString());
      all.putAll(env);
      StringBuilder serverEnv = new StringBuilder();
      all.forEach((key, value) -> serverEnv.append(key).append('=').append(value).append('\n'));
      Files.writeString(copy.resolve("server.env"), serverEnv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LibertyServer(wlp, name, httpPort);
  }

  /**
   * A free-by-convention port for a copy: the main server's HTTP port plus {@code offset} (1 to
   * 50), so builds started with different {@code -Dhttp.port} never collide.
   */
  public static int port(int offset) {
    return Integer.getInteger("it.http.port", 9080) + offset;
  }

  /**
   * The environment that points a copy at the integration-test database. Webhooks are the main
   * server's job in the tests (it may send to loopback receivers, a copy may not): a copy that
   * delivered would claim the main server's deliveries and refuse them, so copies keep their
   * delivery job idle unless a test turns it on by putting its own {@code
   * BOXOFFICE_WEBHOOKS_INTERVAL_MILLIS}.
   */
  public static Map<String, String> testDatabaseEnv() {
    return Map.of(
        "DB_URL",
        Db.url(),
        "DB_USER",
        Db.user(),
        "DB_PASSWORD",
        Db.password(),
        "BOXOFFICE_WEBHOOKS_INTERVAL_MILLIS",
        "0");
  }

  public Api api() {
    return Api.at(httpPort);
  }

  /** Adds a line to the copy's jvm.options (before it starts), e.g. a system property. */
  public LibertyServer withJvmOption(String option) {
    Path options = wlp.resolve("usr/servers").resolve(name).resolve("jvm.options");
    try {
      Files.writeString(
          options,
          System.lineSeparator() + option + System.lineSeparator(),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public int httpPort() {
    return httpPort;
  }

  /** Starts the server and waits until it listens (not necessarily ready). */
  public LibertyServer start() {
    run("start");
    return this;
  }

  /** Waits until {@code /health/ready} answers with the given status. */
  public LibertyServer awaitReady(int expectedStatus, Duration timeout) {
    return await(response -> response.status() == expectedStatus, timeout, "/health/ready");
  }

  /** Polls a path until the answer satisfies the condition, or fails after the timeout. */
  public LibertyServer await(Predicate<ApiResponse> condition, Duration timeout, String path) {
    Instant deadline = Instant.now().plus(timeout);
    ApiResponse last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        last =
            api()
                .send(
                    HttpRequest.newBuilder(api().resolve(path))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build());
        if (condition.test(last)) {
          return this;
        }
      } catch (RuntimeException notYetListening) {
        last = null;
      }
      sleep(Duration.ofMillis(500));
    }
    throw new AssertionError(
        "server " + name + " did not reach the expected state at " + path + "; last: " + last);
  }

  /** What the server logged to messages.log so far. */
  public String messages() {
    Path log = wlp.resolve("usr/servers").resolve(name).resolve("logs/messages.log");
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server process's id, for kill -9 drills. */
  public long pid() {
    Path pidFile = wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
    try {
      return Long.parseLong(Files.readString(pidFile).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void stop() {
    run("stop");
  }

  @Override
  public void close() {
    stopQuietly(wlp, name);
  }

  private void run(String action) {
    try {
      Process process = command(wlp, action, name).start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("server " + action + " " + name + " timed out");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void stopQuietly(Path wlp, String name) {
    if (!Files.exists(wlp.resolve("usr/servers").resolve(name))) {
      return;
    }
    try {
      command(wlp, "stop", name).start().waitFor(120, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@code bin/server <action> <name>}, without the build's own database and Boxoffice settings: a
   * copy's environment is its server.env and nothing else.
   */
  private static ProcessBuilder command(Path wlp, String action, String name) {
    ProcessBuilder builder =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder
        .environment()
        .keySet()
        .removeIf(key -> key.startsWith("DB_") || key.startsWith("BOXOFFICE_"));
    return builder;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path path : all) {
        Files.delete(path);
      }
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
