package org.boxoffice.admin;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.boxoffice.identity.boundary.UserView;

/**
 * Who is signed in to the admin pages in this HTTP session. Set by {@link SignIn} once the password
 * was checked by identity's {@code Accounts}; {@link AdminAccessFilter} lets nobody else in.
 */
@Named
@SessionScoped
public class AdminSession implements Serializable {
  private static final long serialVersionUID = 1L;

  private Long userId;
  private String email;
  private String name;
  private String role;

  void signIn(UserView user) {
    this.userId = user.id();
    this.email = user.email();
    this.name = user.firstName() + " " + user.lastName();
    this.role = user.role();
  }

  public boolean isSignedIn() {
    return userId != null;
  }

  public boolean isAdmin() {
    return "ADMIN".equals(role);
  }

  /** The signed-in user's id; only called behind {@link AdminAccessFilter}. */
  public long userId() {
    if (userId == null) {
      throw new IllegalStateException("not signed in");
    }
    return userId;
  }

  public String getEmail() {
    return email;
  }

  public String getName() {
    return name;
  }

  public String getRole() {
    return role;
  }
}
