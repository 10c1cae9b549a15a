package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.boxoffice.identity.control.IdTokenUse;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.platform.entity.DomainException;

/**
 * An ID token a client hands in signs in (or links) once. Its hash is inserted in the transaction
 * that signs in, so a refused sign-in (the second factor still to come, an account to link first)
 * leaves the token good for the retry; a second use, on this replica or another, finds the row (or
 * waits for the first use's commit) and is refused. Rows go once their token has expired: by then
 * the token is refused for its expiry.
 */
@ApplicationScoped
public class IdTokenReplays {
  private static final String FIRST_USE =
      "INSERT INTO used_id_tokens (token_sha256, provider, used_at, expires_at)"
          + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING";
  private static final String FORGET_EXPIRED = "DELETE FROM used_id_tokens WHERE expires_at < ?1";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** Records the use; 401 {@code OIDC_TOKEN_REPLAYED} when the token was used before. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void claim(IdTokenUse use) {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    em.createNativeQuery(FORGET_EXPIRED).setParameter(1, now).executeUpdate();
    int inserted =
        em.createNativeQuery(FIRST_USE)
            .setParameter(1, use.sha256())
            .setParameter(2, use.provider())
            .setParameter(3, now)
            .setParameter(4, use.expiresAt().atOffset(ZoneOffset.UTC))
            .executeUpdate();
    if (inserted == 0) {
      throw DomainException.unauthenticated(
          IdentityErrors.OIDC_TOKEN_REPLAYED,
          "This ID token was used already: get a new one from the provider");
    }
  }
}
