package org.boxoffice.webhooks.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
  private static final Duration FIRST = Duration.ofSeconds(30);
  private static final Duration MAX = Duration.ofHours(1);
  private static final Instant NOW = Instant.parse("2027-01-09T10:00:00Z");

  @Test
  void backoff_doubles_from_the_first_wait_up_to_the_cap() {
    assertThat(WebhookDelivery.backoff(1, FIRST, MAX)).isEqualTo(Duration.ofSeconds(30));
    assertThat(WebhookDelivery.backoff(2, FIRST, MAX)).isEqualTo(Duration.ofSeconds(60));
    assertThat(WebhookDelivery.backoff(5, FIRST, MAX)).isEqualTo(Duration.ofSeconds(480));
    assertThat(WebhookDelivery.backoff(8, FIRST, MAX)).isEqualTo(MAX);
    assertThat(WebhookDelivery.backoff(1_000, FIRST, MAX)).isEqualTo(MAX);
  }

  @Test
  void a_delivery_goes_dead_after_the_last_allowed_attempt() {
    WebhookDelivery d = WebhookDelivery.queue(1, EventType.BOOKING_CONFIRMED, "{}", NOW);
    d.failed(500, 12, "HTTP 500", NOW, 2, FIRST, MAX);
    assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(d.nextAttemptAt()).isEqualTo(NOW.plus(FIRST));
    d.failed(null, 10_000, "timed out", NOW, 2, FIRST, MAX);
    assertThat(d.status()).isEqualTo(DeliveryStatus.DEAD);
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(d.lastStatusCode()).isNull();
  }

  @Test
  void a_redelivery_is_the_same_message_with_attempts_of_its_own() {
    WebhookDelivery d = WebhookDelivery.queue(1, EventType.EVENT_UPDATED, "{\"a\":1}", NOW);
    d.failed(500, 12, "HTTP 500", NOW, 1, FIRST, MAX);
    WebhookDelivery again = d.again(NOW.plusSeconds(5));
    assertThat(again.messageId()).isEqualTo(d.messageId()).startsWith("msg_");
    assertThat(again.payload()).isEqualTo(d.payload());
    assertThat(again.eventType()).isEqualTo("event.updated");
    assertThat(again.attempts()).isZero();
    assertThat(again.status()).isEqualTo(DeliveryStatus.PENDING);
  }

  @Test
  void an_endpoint_disables_itself_after_the_limit_of_failures_in_a_row() {
    WebhookEndpoint e =
        WebhookEndpoint.register(
            1,
            null,
            "https://example.test/h",
            null,
            java.util.EnumSet.of(EventType.BOOKING_CONFIRMED),
            "whsec_AAAA",
            NOW);
    assertThat(e.failed(3, NOW)).isFalse();
    assertThat(e.failed(3, NOW)).isFalse();
    e.succeeded();
    assertThat(e.failed(3, NOW)).isFalse();
    assertThat(e.failed(3, NOW)).isFalse();
    assertThat(e.failed(3, NOW)).isTrue();
    assertThat(e.status()).isEqualTo(EndpointStatus.DISABLED);
    assertThat(e.failed(3, NOW)).isFalse();
  }

  @Test
  void after_a_rotation_both_secrets_sign_until_the_grace_ends() {
    WebhookEndpoint e =
        WebhookEndpoint.register(
            1,
            null,
            "https://example.test/h",
            null,
            java.util.EnumSet.of(EventType.BOOKING_CONFIRMED),
            "whsec_old",
            NOW);
    e.rotate("whsec_new", NOW.plusSeconds(60), NOW);
    assertThat(e.signingSecrets(NOW.plusSeconds(59))).containsExactly("whsec_new", "whsec_old");
    assertThat(e.signingSecrets(NOW.plusSeconds(60))).containsExactly("whsec_new");
  }
}
