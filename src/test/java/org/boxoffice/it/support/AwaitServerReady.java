package org.boxoffice.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any integration test runs, waits until the server the build started is ready. The Liberty
 * plugin returns once the server runs, and on a loaded machine the application can still be
 * starting then. Unit-test runs (no server) are not held up: the wait only happens when failsafe
 * passes the server's port.
 */
public class AwaitServerReady implements LauncherSessionListener {
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String port = System.getProperty("it.http.port");
    if (port == null || System.getProperty("it.database.file") == null) {
      return;
    }
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    HttpClient client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(PATIENCE);
    int last = -1;
    while (Instant.now().isBefore(deadline)) {
      try {
        last =
            client
                .send(
                    HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (last == 200) {
          return;
        }
      } catch (IOException notYet) {
        last = -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      LibertyServer.sleep(Duration.ofSeconds(1));
    }
    throw new IllegalStateException(
        "the test server at " + ready + " did not become ready (last status " + last + ")");
  }
}
