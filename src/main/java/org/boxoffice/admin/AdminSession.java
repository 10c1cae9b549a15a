package org.boxoffice.admin;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.identity.entity.Role;

/**
 * Who is signed in to the admin pages in this HTTP session, for the pages to show. Set by {@link
 * SignIn} once the container authenticated the caller (Jakarta Security form login); web.xml's
 * security constraints, not this bean, decide who may see a page.
 */
@Named
@SessionScoped
public class AdminSession implements Serializable {
  private static final long serialVersionUID = 1L;

  private Long userId;
  private String email;
  private String name;
  private Role role;

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
    return role == Role.ADMIN;
  }

  /** The signed-in user's id; only called on the pages the container guards. */
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

  public Role getRole() {
    return role;
  }
}
