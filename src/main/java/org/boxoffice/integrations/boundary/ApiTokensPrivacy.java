package org.boxoffice.integrations.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.boxoffice.privacy.boundary.Person;
import org.boxoffice.privacy.boundary.PersonalData;
import org.boxoffice.privacy.control.Rows;

/** A person's API tokens in the export (never their hashes); all revoked on erasure. */
@ApplicationScoped
public class ApiTokensPrivacy implements PersonalData {
  @PersistenceContext EntityManager em;
  @Inject ApiTokens tokens;

  @Override
  public Map<String, JsonArray> export(Person person) {
    return Map.of(
        "api_tokens",
        Rows.select(
            em,
            "id, name, prefix, scopes, created_at, expires_at, last_used_at, revoked_at",
            "FROM api_tokens WHERE user_id = ?1 ORDER BY id",
            person.id()));
  }

  @Override
  public void erase(Person person) {
    tokens.revokeAll(person.id());
  }
}
