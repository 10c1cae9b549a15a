package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Metrics;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What Prometheus scrapes from a running server: the business counters after a booking flow, and
 * every series the Grafana dashboard and the alert rules in {@code kubernetes/monitoring/} query,
 * with the labels they filter on. A renamed metric fails here, not silently on a dashboard.
 */
class MetricsIT {
  /** Series that come from Prometheus or kube-state-metrics, not from the application. */
  private static final Set<String> NOT_FROM_THE_APP = Set.of("up", "kube_pod_status_ready");

  /** Labels Prometheus adds at scrape time (target labels), absent from the raw /metrics. */
  private static final Set<String> SCRAPE_LABELS = Set.of("job", "namespace", "pod", "instance");

  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
  private static final Pattern EXACT_LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  static User organizer;
  static User attendee;

  @BeforeAll
  static void accounts() {
    PaymentFixtures.awaitApplication();
    organizer = Accounts.organizer();
    attendee = Accounts.attendee();
  }

  @Test
  void a_booking_flow_shows_in_the_business_counters() {
    String before = metrics();

    long eventId = PaymentFixtures.publishedEvent(organizer.api(), "Metrics flow", 10, "10.00");
    var booking = PaymentFixtures.booked(attendee.api(), eventId, 2);
    long bookingId = PaymentFixtures.id(booking);
    ApiResponse paid =
        attendee
            .api()
            .post("/payments/sandbox/" + PaymentFixtures.intentOf(booking) + "/confirm", "");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    String code =
        attendee
            .api()
            .get("/bookings/" + bookingId + "/tickets")
            .json()
            .getJsonArray("data")
            .getJsonObject(0)
            .getString("qrCode");
    ApiResponse checkedIn =
        organizer
            .api()
            .post("/checkins", Json.createObjectBuilder().add("code", code).build().toString());
    assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
    ApiResponse refunded =
        organizer.api().post("/bookings/" + bookingId + "/refund", "{\"amount\": 5.00}");
    assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
    long freeEvent = PaymentFixtures.publishedEvent(organizer.api(), "Metrics free", 10, "0");
    long free = PaymentFixtures.id(PaymentFixtures.booked(attendee.api(), freeEvent, 1));
    ApiResponse cancelled = attendee.api().post("/bookings/" + free + "/cancel", "{}");
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

    String after = metrics();
    assertThat(
            Metrics.value(after, "bookings_created_total")
                - Metrics.value(before, "bookings_created_total"))
        .isGreaterThanOrEqualTo(2);
    assertThat(
            Metrics.value(after, "bookings_confirmed_total")
                - Metrics.value(before, "bookings_confirmed_total"))
        .isGreaterThanOrEqualTo(2);
    assertThat(
            Metrics.value(after, "bookings_cancelled_total")
                - Metrics.value(before, "bookings_cancelled_total"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            Metrics.value(after, "payments_succeeded_total")
                - Metrics.value(before, "payments_succeeded_total"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            Metrics.value(after, "refunds_sent_total")
                - Metrics.value(before, "refunds_sent_total"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            Metrics.value(after, "tickets_checked_in_total")
                - Metrics.value(before, "tickets_checked_in_total"))
        .isGreaterThanOrEqualTo(1);
    // Present from the start at zero, whether or not anything happened yet.
    for (String name :
        List.of(
            "bookings_expired_total",
            "payments_failed_total",
            "emails_sent_total",
            "outbox_oldest_queued_seconds",
            "payment_circuit_open")) {
      assertThat(after).containsPattern("(?m)^" + name + "\\{mp_scope=\"application\",?} ");
    }
    // Failures by reason: every reason from the start, so rate() by reason has a series.
    for (String reason : List.of("connection", "authentication", "refused", "rendering", "other")) {
      assertThat(after)
          .containsPattern("(?m)^emails_failed_total\\{[^}]*reason=\"" + reason + "\"[^}]*} ");
    }
  }

  @Test
  void every_series_the_dashboard_and_the_alerts_query_is_served() throws IOException {
    PaymentFixtures.booked(
        attendee.api(),
        PaymentFixtures.publishedEvent(organizer.api(), "Metrics series", 10, "0"),
        1);
    List<String> scraped = metrics().lines().filter(line -> !line.startsWith("#")).toList();

    Map<String, String> queried = new LinkedHashMap<>();
    dashboardExpressions().forEach(expr -> queried.put(expr, "grafana-dashboard.json"));
    alertExpressions().forEach(expr -> queried.put(expr, "prometheus-rules.yaml"));
    assertThat(queried).hasSizeGreaterThan(10);

    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (var query : queried.entrySet()) {
      Matcher selector = SELECTOR.matcher(query.getKey());
      while (selector.find()) {
        String name = selector.group(1);
        if (NOT_FROM_THE_APP.contains(name)) {
          continue;
        }
        List<String> labels = new ArrayList<>();
        Matcher label = EXACT_LABEL.matcher(selector.group(2));
        while (label.find()) {
          if (!SCRAPE_LABELS.contains(label.group(1))) {
            labels.add(label.group(1) + "=\"" + label.group(2) + "\"");
          }
        }
        checked++;
        boolean served =
            scraped.stream()
                .anyMatch(
                    line ->
                        line.startsWith(name + "{") && labels.stream().allMatch(line::contains));
        if (!served) {
          missing.add(name + labels + " (" + query.getValue() + ")");
        }
      }
    }
    assertThat(checked).isGreaterThan(20);
    assertThat(missing).as("series queried but not served by /metrics").isEmpty();
  }

  private static List<String> dashboardExpressions() throws IOException {
    try (Reader file =
            Files.newBufferedReader(Path.of("kubernetes/monitoring/grafana-dashboard.json"));
        JsonReader reader = Json.createReader(file)) {
      List<String> exprs = new ArrayList<>();
      collectExpressions(reader.readObject(), exprs);
      return exprs;
    }
  }

  private static void collectExpressions(JsonValue value, List<String> exprs) {
    if (value instanceof JsonObject object) {
      object.forEach(
          (key, child) -> {
            if (key.equals("expr") && child.getValueType() == JsonValue.ValueType.STRING) {
              exprs.add(object.getString("expr"));
            } else {
              collectExpressions(child, exprs);
            }
          });
    } else if (value instanceof JsonArray array) {
      array.forEach(child -> collectExpressions(child, exprs));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> alertExpressions() throws IOException {
    try (Reader file =
        Files.newBufferedReader(Path.of("kubernetes/monitoring/prometheus-rules.yaml"))) {
      Map<String, Object> rule = new Yaml(new SafeConstructor(new LoaderOptions())).load(file);
      List<String> exprs = new ArrayList<>();
      for (Object group : (List<Object>) ((Map<String, Object>) rule.get("spec")).get("groups")) {
        for (Object r : (List<Object>) ((Map<String, Object>) group).get("rules")) {
          exprs.add(String.valueOf(((Map<String, Object>) r).get("expr")));
        }
      }
      return exprs;
    }
  }

  private static String metrics() {
    ApiResponse metrics = Api.server().get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    return metrics.body();
  }
}
