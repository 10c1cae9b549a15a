package org.boxoffice.identity.boundary;

import org.boxoffice.identity.entity.Account;
import org.boxoffice.identity.entity.Role;

/** A user as the API shows it: never the password hash. */
public record UserView(long id, String email, String firstName, String lastName, Role role) {
  static UserView of(Account account) {
    return new UserView(
        account.id(), account.email(), account.firstName(), account.lastName(), account.role());
  }
}
