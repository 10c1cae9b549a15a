package org.boxoffice.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.identity.control.IdentitySettings;
import org.junit.jupiter.api.Test;

/** The session check reads the database once per session and cache period, and never on a hit. */
class SessionRevocationsTest {
  @Test
  void an_active_session_is_read_once_then_answered_from_the_cache() {
    CountingLookup lookup = new CountingLookup(true);
    SessionRevocations revocations = revocations(lookup);

    assertThat(revocations.isActive("s1", 7)).isTrue();
    assertThat(revocations.isActive("s1", 7)).isTrue();

    assertThat(lookup.reads).isEqualTo(1);
  }

  @Test
  void a_revocation_on_this_server_takes_effect_at_once() {
    CountingLookup lookup = new CountingLookup(true);
    SessionRevocations revocations = revocations(lookup);
    assertThat(revocations.isActive("s1", 7)).isTrue();

    revocations.revoked("s1");

    assertThat(revocations.isActive("s1", 7)).isFalse();
    assertThat(lookup.reads).isEqualTo(1);
  }

  @Test
  void a_revocation_made_while_the_database_is_read_wins_over_that_read() {
    SessionRevocations[] revocations = new SessionRevocations[1];
    SessionLookup racing =
        new SessionLookup() {
          @Override
          boolean isActive(String sessionId, long userId) {
            revocations[0].revoked(sessionId);
            return true;
          }
        };
    revocations[0] = revocations(racing);

    assertThat(revocations[0].isActive("s1", 7)).isFalse();
    assertThat(revocations[0].isActive("s1", 7)).isFalse();
  }

  private static SessionRevocations revocations(SessionLookup lookup) {
    SessionRevocations revocations = new SessionRevocations();
    revocations.lookup = lookup;
    revocations.settings = new IdentitySettings();
    revocations.settings.sessionCheckCacheSeconds = 5;
    revocations.build();
    return revocations;
  }

  private static final class CountingLookup extends SessionLookup {
    private final boolean active;
    int reads;

    CountingLookup(boolean active) {
      this.active = active;
    }

    @Override
    boolean isActive(String sessionId, long userId) {
      reads++;
      return active;
    }
  }
}
