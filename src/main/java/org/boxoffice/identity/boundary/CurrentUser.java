package org.boxoffice.identity.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /me}: the user as {@link UserView} has it, plus how they can sign in: whether the
 * account has a password, and its linked OpenID Connect identities.
 */
@JsonbPropertyOrder({
  "id",
  "email",
  "firstName",
  "lastName",
  "role",
  "emailVerified",
  "hasPassword",
  "identities"
})
public record CurrentUser(
    long id,
    String email,
    String firstName,
    String lastName,
    String role,
    boolean emailVerified,
    boolean hasPassword,
    List<IdentityView> identities) {}
