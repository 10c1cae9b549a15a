package org.boxoffice.attendee;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.boxoffice.identity.boundary.SessionRevocations;

/**
 * Who is signed in to the ticket wallet in this HTTP session: an account and the identity session
 * its sign-in opened (as {@code POST /auth/login} opens one). The wallet counts only while that
 * identity session lives, so sign-out, "log out everywhere" and a password reset end it here too.
 * Separate from the admin pages' container sign-in, which admits organizers and admins only.
 */
@Named
@SessionScoped
public class AttendeeSession implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject SessionRevocations revocations;

  private Long userId;
  private String sessionId;
  private String firstName;
  private String returnTo;

  void signIn(long userId, String sessionId, String firstName) {
    this.userId = userId;
    this.sessionId = sessionId;
    this.firstName = firstName;
  }

  void signOut() {
    userId = null;
    sessionId = null;
    firstName = null;
  }

  /**
   * The attendee page to go back to after the wallet's sign-in (a path under the context root that
   * a page of ours set, never one from the request: no open redirect).
   */
  void returnTo(String path) {
    returnTo = path;
  }

  /** The page to go back to after sign-in, once; the wallet when none. */
  String takeReturnTo(String otherwise) {
    String path = returnTo == null ? otherwise : returnTo;
    returnTo = null;
    return path;
  }

  /** Signed in, and the identity session has not ended meanwhile. */
  public boolean isSignedIn() {
    if (userId == null) {
      return false;
    }
    if (!revocations.isActive(sessionId, userId)) {
      signOut();
      return false;
    }
    return true;
  }

  /** The signed-in account's id; only after {@link #isSignedIn()} said yes. */
  long userId() {
    if (userId == null) {
      throw new IllegalStateException("not signed in");
    }
    return userId;
  }

  String sessionId() {
    return sessionId;
  }

  public String getFirstName() {
    return firstName;
  }
}
