package org.boxoffice.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.boxoffice.it.support.TcpProxy;
import org.boxoffice.it.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several senders at once: two servers with two senders each on a database of their own (so no
 * other test server's sender takes their emails), SMTP through a {@link TcpProxy} to a GreenMail in
 * this JVM, which counts every message by its {@code Message-ID}. Each server is capped at 100
 * emails/s, so a backlog of a few thousand lasts long enough to watch what overtakes it.
 */
class OutboxSendersIT {
  private static final int PER_SERVER_PER_SECOND = 100;

  private static String dbUrl;
  private static GreenMail smtp;
  private static TcpProxy toSmtp;
  private static LibertyServer a;
  private static LibertyServer b;

  @BeforeAll
  static void start() {
    dbUrl = TestDatabase.ownDatabase("senders");
    smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    toSmtp = new TcpProxy("127.0.0.1", smtp.getSmtp().getPort());
    Map<String, String> env = new HashMap<>();
    env.put("DB_URL", dbUrl);
    env.put("DB_USER", Db.user());
    env.put("DB_PASSWORD", Db.password());
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", String.valueOf(toSmtp.port()));
    env.put("SMTP_FROM", "Boxoffice <tickets@senders.test>");
    env.put("BOXOFFICE_OUTBOX_INTERVAL_SECONDS", "1");
    env.put("BOXOFFICE_MAIL_SENDERS", "2");
    env.put("BOXOFFICE_MAIL_BATCH_SIZE", "10");
    env.put("BOXOFFICE_MAIL_MAX_PER_SECOND", String.valueOf(PER_SERVER_PER_SECOND));
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
    a = LibertyServer.copyOfMain("boxoffice-senders-a", LibertyServer.port(31), env);
    b = LibertyServer.copyOfMain("boxoffice-senders-b", LibertyServer.port(32), env);
    a.start();
    b.start();
    a.awaitReady(200, Duration.ofMinutes(4));
    b.awaitReady(200, Duration.ofMinutes(4));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {a, b, toSmtp}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // the others are closed all the same
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void four_senders_on_two_servers_send_every_email_exactly_once() {
    double sentByA = sentCounter(a);
    double sentByB = sentCounter(b);
    String tag = "four-" + UUID.randomUUID();
    Map<String, Long> expected = queue(tag, 600, 1);

    awaitAllSent(tag, 600);

    Map<String, Long> received = receivedByMessageId(tag);
    assertThat(received).containsExactlyInAnyOrderEntriesOf(onceEach(expected));
    // Both servers took part: the claim shared the work out, it did not fall to one of them.
    assertThat(sentCounter(a) - sentByA).isPositive();
    assertThat(sentCounter(b) - sentByB).isPositive();
    assertThat(sentCounter(a) - sentByA + sentCounter(b) - sentByB).isEqualTo(600);
  }

  @Test
  void a_connection_dropped_mid_batch_is_reopened_and_nothing_is_lost_or_sent_twice() {
    String tag = "dropped-" + UUID.randomUUID();
    Map<String, Long> expected = queue(tag, 400, 1);
    await(() -> receivedByMessageId(tag).size() >= 60, Duration.ofMinutes(1), "nothing arrived");
    int connectionsBefore = toSmtp.connectionsTo(0);

    // Every sender's open connection drops between two of its emails: the next MAIL FROM never
    // reaches the server. (A drop after the server took an email but before its answer arrived is
    // the ambiguous case: that email is sent again, with its same Message-ID; see OPERATIONS.md.)
    toSmtp.cutEachBefore("MAIL FROM");

    awaitAllSent(tag, 400);
    assertThat(receivedByMessageId(tag)).containsExactlyInAnyOrderEntriesOf(onceEach(expected));
    assertThat(toSmtp.cutsBefore()).as("connections dropped mid-batch").isPositive();
    assertThat(toSmtp.connectionsTo(0))
        .as("the senders opened new connections after the cut")
        .isGreaterThan(connectionsBefore);
    assertThat(
            number(
                "SELECT count(*) FROM outbox WHERE subject LIKE ? AND status <> 'SENT'", tag + "%"))
        .isZero();
  }

  @Test
  void an_account_email_overtakes_a_backlog_of_confirmations() {
    String tag = "backlog-" + UUID.randomUUID();
    Map<String, Long> backlog = queue(tag, 3_000, 1);
    String email = "urgent-" + UUID.randomUUID() + "@senders.test";

    ApiResponse registered =
        a.api()
            .post(
                "/auth/register",
                """
                {"email": "%s", "password": "%s", "firstName": "Ur",
                 "lastName": "Gent", "accountType": "ATTENDEE"}
                """
                    .formatted(email, Accounts.PASSWORD));
    assertThat(registered.status()).isEqualTo(201);

    await(
        () -> smtp.getReceivedMessagesForDomain(email).length == 1,
        Duration.ofMinutes(1),
        "the verification email did not arrive");
    long stillQueued =
        number("SELECT count(*) FROM outbox WHERE subject LIKE ? AND status = 'QUEUED'", tag + "%");
    // In queue order it would have come after all 3,000 (15 s at the servers' cap).
    assertThat(stillQueued).isGreaterThan(1_000);
    assertThat(
            number(
                "SELECT priority FROM outbox WHERE recipient = ? AND kind LIKE 'account-%'", email))
        .isZero();

    awaitAllSent(tag, 3_000);
    assertThat(receivedByMessageId(tag)).containsExactlyInAnyOrderEntriesOf(onceEach(backlog));
  }

  /**
   * Queues {@code count} emails with no attachments, as a sell-out's confirmations would be; their
   * expected Message-IDs, each with the outbox id.
   */
  private static Map<String, Long> queue(String tag, int count, int priority) {
    update(
        "INSERT INTO outbox (kind, recipient, subject, text_body, html_body, status, attempts,"
            + " next_attempt_at, created_at, priority)"
            + " SELECT 'confirmation', 'buyer' || g || '@senders.test', ? || ' ' || g,"
            + " 'Your tickets', '<p>Your tickets</p>', 'QUEUED', 0, now(), now(), ?"
            + " FROM generate_series(1, ?) g",
        tag,
        priority,
        count);
    Map<String, Long> ids = new HashMap<>();
    for (Map<String, Object> row :
        query(
            "SELECT id, floor(extract(epoch FROM created_at) * 1000)::bigint AS millis"
                + " FROM outbox WHERE subject LIKE ?",
            tag + "%")) {
      long id = ((Number) row.get("id")).longValue();
      ids.put("<outbox." + id + "." + row.get("millis") + "@senders.test>", id);
    }
    assertThat(ids).hasSize(count);
    return ids;
  }

  private static Map<String, Long> onceEach(Map<String, Long> expected) {
    return expected.keySet().stream().collect(Collectors.toMap(Function.identity(), id -> 1L));
  }

  /** How many copies of each Message-ID GreenMail received among the emails of this test. */
  private static Map<String, Long> receivedByMessageId(String tag) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> subject(m).startsWith(tag))
        .collect(Collectors.groupingBy(OutboxSendersIT::messageId, Collectors.counting()));
  }

  private static void awaitAllSent(String tag, int count) {
    await(
        () ->
            number(
                    "SELECT count(*) FROM outbox WHERE subject LIKE ? AND status = 'SENT'",
                    tag + "%")
                == count,
        Duration.ofMinutes(2),
        "not every email was marked SENT");
    // A copy sent twice would arrive about when its row is marked: give it time to show up.
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static double sentCounter(LibertyServer server) {
    Matcher m =
        Pattern.compile(
                "^emails_sent_total\\{mp_scope=\"application\",?} (\\S+)$", Pattern.MULTILINE)
            .matcher(server.api().get("/metrics?scope=application").body());
    assertThat(m.find()).as("emails_sent_total on " + server.httpPort()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition, Duration timeout, String failure) {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError(failure);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static List<Map<String, Object>> query(String sql, Object... parameters) {
    try (Connection c = DriverManager.getConnection(dbUrl, Db.user(), Db.password());
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<Map<String, Object>> result = new ArrayList<>();
        while (rows.next()) {
          Map<String, Object> row = new HashMap<>();
          for (int col = 1; col <= rows.getMetaData().getColumnCount(); col++) {
            row.put(rows.getMetaData().getColumnLabel(col).toLowerCase(), rows.getObject(col));
          }
          result.add(row);
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  private static long number(String sql, Object... parameters) {
    Object value = query(sql, parameters).get(0).values().iterator().next();
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static void update(String sql, Object... parameters) {
    try (Connection c = DriverManager.getConnection(dbUrl, Db.user(), Db.password());
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("update failed: " + sql, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
