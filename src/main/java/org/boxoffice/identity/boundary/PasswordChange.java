package org.boxoffice.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /me/password}. The password policy is checked by {@link SelfService}. */
public record PasswordChange(
    @NotNull @Size(max = 128) String currentPassword,
    @NotNull @Size(max = 128) String newPassword) {

  @Override
  public String toString() {
    // Records print every component; this one holds two passwords.
    return "PasswordChange[***]";
  }
}
