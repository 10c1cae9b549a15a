package org.boxoffice.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.boxoffice.identity.entity.Role;
import org.junit.jupiter.api.Test;

class OidcRulesTest {
  private static OidcProvider provider(List<String> domains, Optional<String> organizerGroup) {
    return new OidcProvider(
        "corp",
        "Corp",
        "https://sso.example.test/realms/corp",
        "boxoffice",
        Optional.empty(),
        domains,
        Role.ATTENDEE,
        "groups",
        organizerGroup);
  }

  @Test
  void a_provider_without_domains_admits_any_address_and_one_with_domains_only_theirs() {
    assertThat(provider(List.of(), Optional.empty()).allowsDomainOf("a@anywhere.test")).isTrue();
    OidcProvider strict = provider(List.of("corp.example.test"), Optional.empty());
    assertThat(strict.allowsDomainOf("a@CORP.example.test")).isTrue();
    assertThat(strict.allowsDomainOf("a@corp.example.test.evil.test")).isFalse();
    assertThat(strict.allowsDomainOf("corp.example.test")).isFalse();
    assertThat(strict.allowsDomainOf(null)).isFalse();
  }

  @Test
  void only_the_organizer_group_makes_an_organizer_never_an_admin() {
    OidcProvider corp = provider(List.of(), Optional.of("boxoffice-organizers"));
    assertThat(corp.roleFor(List.of("staff", "boxoffice-organizers"))).isEqualTo(Role.ORGANIZER);
    assertThat(corp.roleFor(List.of("staff", "ADMIN"))).isEqualTo(Role.ATTENDEE);
    assertThat(provider(List.of(), Optional.empty()).roleFor(List.of("boxoffice-organizers")))
        .isEqualTo(Role.ATTENDEE);
  }

  @Test
  void the_toString_never_shows_the_client_secret() {
    OidcProvider withSecret =
        new OidcProvider(
            "corp",
            "Corp",
            "https://sso.example.test",
            "boxoffice",
            Optional.of("s3cr3t-value"),
            List.of(),
            Role.ATTENDEE,
            "groups",
            Optional.empty());
    assertThat(withSecret.toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void five_failures_in_a_row_open_the_circuit_for_ten_seconds_and_a_success_closes_it() {
    MutableClock clock = new MutableClock();
    ProviderCircuit circuit = new ProviderCircuit(clock);
    for (int i = 0; i < 4; i++) {
      circuit.failed();
    }
    assertThat(circuit.isOpen()).isFalse();
    circuit.failed();
    assertThat(circuit.isOpen()).isTrue();
    clock.advance(Duration.ofSeconds(4));
    assertThat(circuit.retryAfter()).isEqualTo(Duration.ofSeconds(6));
    clock.advance(Duration.ofSeconds(6));
    assertThat(circuit.isOpen()).isFalse();
    circuit.succeeded();
    circuit.failed();
    assertThat(circuit.isOpen()).isFalse();
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2027-01-09T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
