package org.boxoffice.privacy.boundary;

/**
 * Whom an export or erasure is about: the account's id and what identifies the person in text
 * (email, names), so that features can find rows that name them. {@code pseudonymEmail} replaces
 * their address where a value must stay (an email already sent, an audit entry).
 */
public record Person(long id, String email, String firstName, String lastName) {
  /** The address that replaces theirs: reserved (.invalid, RFC 2606), never delivered. */
  public String pseudonymEmail() {
    return "erased-" + id + "@erased.invalid";
  }

  /** The text that replaces their names and address inside free text. */
  public static final String ERASED = "[erased]";
}
