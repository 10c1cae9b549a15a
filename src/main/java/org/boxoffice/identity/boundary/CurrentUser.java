package org.boxoffice.identity.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /me}: the user as {@link UserView} has it, plus how they can sign in: whether the
 * account has a password, and its linked OpenID Connect identities; and the new address a change of
 * email waits to confirm ({@code pendingEmail}, absent when none); the language of the account's
 * emails ({@code locale}: {@code en} or {@code zh-TW}).
 */
@JsonbPropertyOrder({
  "id",
  "email",
  "firstName",
  "lastName",
  "role",
  "emailVerified",
  "hasPassword",
  "pendingEmail",
  "locale",
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
    String pendingEmail,
    String locale,
    List<IdentityView> identities) {}
