package org.boxoffice.admin;

import jakarta.security.enterprise.credential.Credential;

/**
 * What the admin sign-in form sends to Jakarta Security: email, password and, for an account with
 * two-factor sign-in, the authenticator code. {@link AdminIdentityStore} checks it.
 */
final class AdminCredential implements Credential {
  private final String email;
  private char[] password;
  private final String totpCode;

  AdminCredential(String email, String password, String totpCode) {
    this.email = email;
    this.password = password == null ? new char[0] : password.toCharArray();
    this.totpCode = totpCode;
  }

  String email() {
    return email;
  }

  String password() {
    return new String(password);
  }

  String totpCode() {
    return totpCode;
  }

  @Override
  public boolean isCleared() {
    return password.length == 0;
  }

  @Override
  public void clear() {
    java.util.Arrays.fill(password, '\0');
    password = new char[0];
  }
}
