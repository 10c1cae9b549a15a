package org.boxoffice.it.support;

import java.util.UUID;

/** Creates accounts through the API and signs them in. */
public final class Accounts {
  public static final String PASSWORD = "correct-horse-battery-staple";

  private Accounts() {}

  /** A signed-in user: its access token, id and email. */
  public record User(long id, String email, String token) {
    public Api api() {
      return Api.server().as(token);
    }
  }

  public static User attendee() {
    return create("ATTENDEE");
  }

  public static User organizer() {
    return create("ORGANIZER");
  }

  /** Registers a fresh account of the given type and signs it in. */
  public static User create(String accountType) {
    String email = accountType.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
    ApiResponse registered =
        Api.server()
            .post(
                "/auth/register",
                """
                {"email": "%s", "password": "%s", "firstName": "Test", "lastName": "User",
                 "accountType": "%s"}
                """
                    .formatted(email, PASSWORD, accountType));
    if (registered.status() != 201) {
      throw new IllegalStateException("registration failed: " + registered);
    }
    return login(email, PASSWORD);
  }

  public static User login(String email, String password) {
    ApiResponse login =
        Api.server()
            .post(
                "/auth/login",
                """
                {"email": "%s", "password": "%s"}
                """
                    .formatted(email, password));
    if (login.status() != 200) {
      throw new IllegalStateException("login failed: " + login);
    }
    var data = login.data();
    return new User(
        data.getJsonObject("user").getJsonNumber("id").longValue(),
        email,
        data.getString("accessToken"));
  }
}
