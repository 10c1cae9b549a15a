package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.identity.OidcCopyServer.CORP_CLIENT;
import static org.boxoffice.identity.OidcCopyServer.STRICT_CLIENT;
import static org.boxoffice.identity.OidcCopyServer.api;
import static org.boxoffice.identity.OidcCopyServer.idToken;
import static org.boxoffice.identity.OidcCopyServer.person;
import static org.boxoffice.identity.OidcCopyServer.uniqueEmail;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Linking and unlinking provider identities from a signed-in session ({@code /me/identities}). */
@ExtendWith(OidcCopyServer.class)
class OidcLinkingIT {

  private static String body(String idToken) {
    return "{\"idToken\": \"%s\"}".formatted(idToken);
  }

  private static Api as(Accounts.User user) {
    return api().as(user.token());
  }

  @Test
  void a_password_account_links_a_provider_and_then_signs_in_with_it() {
    Accounts.User user = Accounts.attendee();
    String subject = UUID.randomUUID().toString();
    // Another address at the provider than the account's: linking from a session proves both.
    String token = idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("elsewhere.test")));

    ApiResponse linked = as(user).post("/me/identities/corp", body(token));

    assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
    assertThat(linked.data().getString("provider")).isEqualTo("corp");
    JsonObject me = as(user).get("/me").data();
    assertThat(me.getBoolean("hasPassword")).isTrue();
    assertThat(me.getJsonArray("identities")).hasSize(1);
    assertThat(as(user).get("/me/identities").json().getJsonArray("data")).hasSize(1);

    ApiResponse signedIn =
        api()
            .post(
                "/auth/oidc/corp",
                body(idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("elsewhere.test")))));
    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    assertThat(signedIn.data().getJsonObject("user").getJsonNumber("id").longValue())
        .isEqualTo(user.id());
  }

  @Test
  void an_identity_links_to_one_account_only_and_an_account_to_one_identity_per_provider() {
    Accounts.User first = Accounts.attendee();
    Accounts.User second = Accounts.attendee();
    String subject = UUID.randomUUID().toString();
    String token = idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("e.test")));
    assertThat(as(first).post("/me/identities/corp", body(token)).status()).isEqualTo(201);

    // (Fresh tokens of the same person: each token links or signs in once.)
    ApiResponse again =
        as(first)
            .post(
                "/me/identities/corp",
                body(idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("e.test")))));
    ApiResponse other =
        as(second)
            .post(
                "/me/identities/corp",
                body(idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("e.test")))));
    ApiResponse anotherSubject =
        as(first)
            .post(
                "/me/identities/corp",
                body(
                    idToken(
                        "corp", CORP_CLIENT, UUID.randomUUID().toString(), person("a@e.test"))));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("OIDC_ALREADY_LINKED");
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.errorCode()).isEqualTo("OIDC_IDENTITY_TAKEN");
    assertThat(anotherSubject.status()).isEqualTo(409);
    assertThat(anotherSubject.errorCode()).isEqualTo("OIDC_ALREADY_LINKED");
  }

  @Test
  void linking_checks_the_token_like_sign_in() {
    Accounts.User user = Accounts.attendee();

    ApiResponse foreign =
        as(user)
            .post(
                "/me/identities/corp",
                body(idToken("corp", "another-client", "s", person(uniqueEmail("e.test")))));
    ApiResponse anonymous =
        api()
            .post(
                "/me/identities/corp",
                body(idToken("corp", CORP_CLIENT, "s", person(uniqueEmail("e.test")))));

    assertThat(foreign.status()).isEqualTo(401);
    assertThat(foreign.errorCode()).isEqualTo("OIDC_TOKEN_INVALID");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(as(user).get("/me").data().getJsonArray("identities")).isEmpty();
  }

  @Test
  void unlinking_is_refused_when_it_would_leave_the_account_without_a_way_to_sign_in() {
    String email = uniqueEmail("corp.example.test");
    ApiResponse created =
        api()
            .post(
                "/auth/oidc/corp",
                body(idToken("corp", CORP_CLIENT, UUID.randomUUID().toString(), person(email))));
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    Api owner = api().as(created.data().getString("accessToken"));

    ApiResponse last = owner.delete("/me/identities/corp");
    assertThat(last.status()).isEqualTo(409);
    assertThat(last.errorCode()).isEqualTo("LAST_SIGN_IN_METHOD");

    // With a second provider linked, the first may go.
    ApiResponse linked =
        owner.post(
            "/me/identities/strict",
            body(idToken("strict", STRICT_CLIENT, UUID.randomUUID().toString(), person(email))));
    assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
    assertThat(owner.delete("/me/identities/corp").status()).isEqualTo(204);
    assertThat(owner.delete("/me/identities/corp").status()).isEqualTo(404);
    assertThat(owner.delete("/me/identities/strict").errorCode()).isEqualTo("LAST_SIGN_IN_METHOD");
  }

  @Test
  void a_password_account_may_unlink_its_only_identity() {
    Accounts.User user = Accounts.attendee();
    String token =
        idToken("corp", CORP_CLIENT, UUID.randomUUID().toString(), person(uniqueEmail("e.test")));
    assertThat(as(user).post("/me/identities/corp", body(token)).status()).isEqualTo(201);

    assertThat(as(user).delete("/me/identities/corp").status()).isEqualTo(204);
    assertThat(as(user).get("/me").data().getJsonArray("identities")).isEmpty();
  }
}
