package org.boxoffice.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.waitlist.entity.WaitlistEntry;
import org.boxoffice.waitlist.entity.WaitlistErrors;
import org.boxoffice.waitlist.entity.WaitlistStatus;
import org.junit.jupiter.api.Test;

class WaitlistEntryTest {
  static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
  static final Instant LATER = NOW.plus(Duration.ofMinutes(30));

  @Test
  void an_offer_can_be_claimed_until_it_runs_out_and_then_no_more() {
    WaitlistEntry entry = WaitlistEntry.join(1, 2, 3, 2, NOW);
    entry.offer(LATER, NOW);

    assertThat(entry.hasOpenOffer(LATER.minusSeconds(1))).isTrue();
    assertThat(entry.hasOpenOffer(LATER)).isFalse();
    assertThat(code(() -> entry.claim(9, LATER))).isEqualTo(WaitlistErrors.OFFER_NOT_OPEN);

    entry.claim(9, LATER.minusSeconds(1));
    assertThat(entry.status()).isEqualTo(WaitlistStatus.CLAIMED);
    assertThat(entry.bookingId()).isEqualTo(9);
  }

  @Test
  void a_claim_reopens_only_for_its_own_booking_and_waits_again() {
    WaitlistEntry entry = WaitlistEntry.join(1, 2, 3, 2, NOW);
    entry.offer(LATER, NOW);
    entry.claim(9, NOW);

    assertThat(code(() -> entry.reopen(8, NOW))).isEqualTo(WaitlistErrors.WAITLIST_ENTRY_OVER);
    entry.reopen(9, NOW);

    assertThat(entry.status()).isEqualTo(WaitlistStatus.WAITING);
    assertThat(entry.bookingId()).isNull();
    assertThat(entry.offerExpiresAt()).isNull();
    assertThat(code(() -> entry.reopen(9, NOW))).isEqualTo(WaitlistErrors.WAITLIST_ENTRY_OVER);
  }

  @Test
  void a_waiting_entry_has_nothing_to_claim_or_decline() {
    WaitlistEntry entry = WaitlistEntry.join(1, 2, 3, 1, NOW);

    assertThat(code(() -> entry.claim(9, NOW))).isEqualTo(WaitlistErrors.OFFER_NOT_OPEN);
    assertThat(code(() -> entry.decline(NOW))).isEqualTo(WaitlistErrors.OFFER_NOT_OPEN);
    assertThat(code(() -> entry.expire(NOW))).isEqualTo(WaitlistErrors.OFFER_NOT_OPEN);
    assertThat(entry.status()).isEqualTo(WaitlistStatus.WAITING);
  }

  @Test
  void leaving_or_closing_says_whether_an_offer_went_with_it_and_ends_the_entry() {
    WaitlistEntry waiting = WaitlistEntry.join(1, 2, 3, 1, NOW);
    WaitlistEntry offered = WaitlistEntry.join(1, 2, 4, 1, NOW);
    offered.offer(LATER, NOW);

    assertThat(waiting.leave(NOW)).isFalse();
    assertThat(offered.close(NOW)).isTrue();

    assertThat(waiting.status()).isEqualTo(WaitlistStatus.LEFT);
    assertThat(offered.status()).isEqualTo(WaitlistStatus.CLOSED);
    assertThat(code(() -> waiting.leave(NOW))).isEqualTo(WaitlistErrors.WAITLIST_ENTRY_OVER);
    assertThat(code(() -> offered.close(NOW))).isEqualTo(WaitlistErrors.WAITLIST_ENTRY_OVER);
  }

  @Test
  void an_entry_wants_at_least_one_seat() {
    assertThat(code(() -> WaitlistEntry.join(1, 2, 3, 0, NOW)))
        .isEqualTo(DomainException.VALIDATION_FAILED);
  }

  private static String code(Runnable action) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(action::run);
    assertThat(thrown).isInstanceOf(DomainException.class);
    return ((DomainException) thrown).code();
  }

  @Test
  void only_a_waiting_entry_gets_an_offer() {
    WaitlistEntry entry = WaitlistEntry.join(1, 2, 3, 1, NOW);
    entry.offer(LATER, NOW);
    assertThatThrownBy(() -> entry.offer(LATER, NOW)).isInstanceOf(DomainException.class);
  }
}
