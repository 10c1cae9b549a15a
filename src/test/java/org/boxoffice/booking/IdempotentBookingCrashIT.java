package org.boxoffice.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.booking.BookingFixtures.availableSeats;
import static org.boxoffice.booking.BookingFixtures.book;
import static org.boxoffice.booking.BookingFixtures.bookingRows;
import static org.boxoffice.booking.BookingFixtures.id;
import static org.boxoffice.booking.BookingFixtures.publishedEvent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.boxoffice.booking.BookingFixtures.Tier;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.Test;

/**
 * The Idempotency-Key's answer is stored in the booking's own transaction. A server killed (kill
 * -9) after that commit, while it opens the payment (its Stripe is a socket that never answers),
 * leaves the key complete, not IN_PROGRESS: the client's retry with the same key, here on another
 * server, gets that booking, with its payment opened then.
 */
class IdempotentBookingCrashIT {

  @Test
  void a_server_killed_between_the_booking_commit_and_its_answer_leaves_the_retry_the_booking()
      throws Exception {
    BookingFixtures.awaitApplication();
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = id(publishedEvent(organizer, 5, new Tier("S", "10", null)));
    String key = "crash-" + System.nanoTime();
    try (SilentSocket stripe = new SilentSocket()) {
      Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
      env.put("STRIPE_API_KEY", "sk_test_dummy");
      env.put("STRIPE_WEBHOOK_SECRET", "whsec_dummy");
      env.put("BOXOFFICE_STRIPE_API_BASE", "http://127.0.0.1:" + stripe.port());
      try (LibertyServer doomed =
          LibertyServer.copyOfMain("boxoffice-crash", LibertyServer.port(9), env)) {
        doomed.start().awaitReady(200, Duration.ofMinutes(4));
        Api client = doomed.api().as(buyer.token()).withHeader("Idempotency-Key", key);
        CompletableFuture<Integer> lost =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return book(client, eventId, null, 2, null).status();
                  } catch (RuntimeException connectionLost) {
                    return -1;
                  }
                });
        // The payment call is under way: the booking has committed, its answer is not sent.
        stripe.awaitConnection(Duration.ofSeconds(60));

        ProcessHandle.of(doomed.pid()).orElseThrow().destroyForcibly();

        assertThat(lost.get(60, TimeUnit.SECONDS)).as("the client got no answer").isEqualTo(-1);
      }
    }
    assertThat(bookingRows(eventId)).isEqualTo(1);
    assertThat(
            Db.number(
                "SELECT status_code FROM idempotency_keys WHERE user_id = ? AND idem_key = ?",
                buyer.id(),
                key))
        .isEqualTo(201);

    ApiResponse retried =
        book(buyer.api().withHeader("Idempotency-Key", key), eventId, null, 2, null);

    assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
    assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retried.data().getString("status")).isEqualTo("PENDING");
    assertThat(retried.data().getJsonObject("payment").getString("provider")).isEqualTo("sandbox");
    assertThat(id(retried.data()))
        .isEqualTo(Db.number("SELECT id FROM bookings WHERE event_id = ?", eventId));
    assertThat(bookingRows(eventId)).isEqualTo(1);
    assertThat(availableSeats(eventId)).isEqualTo(3);
  }

  /** Accepts connections and never answers: a payment provider that hangs. */
  private static final class SilentSocket implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    SilentSocket() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(socket.accept());
                    connected.complete(null);
                  }
                } catch (IOException closed) {
                  connected.completeExceptionally(closed);
                }
              },
              "silent-socket");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    void awaitConnection(Duration timeout) throws Exception {
      connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
      for (Socket client : held) {
        client.close();
      }
      socket.close();
    }
  }
}
