package org.boxoffice.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.logging.Logger;
import org.boxoffice.identity.boundary.LoginRequest;
import org.boxoffice.identity.boundary.TokenResponse;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.platform.boundary.ApiException;

/**
 * The admin sign-in and sign-out. The credentials are checked by identity's sign-in, exactly as for
 * {@code POST /auth/login}: the same user store and bcrypt hashes, the same brute-force throttle
 * (429 after 5 failures a minute, shared with the API), TOTP when enrolled, the same audit entries.
 * The tokens it issues are never handed out: the admin pages live in the HTTP session.
 */
@Named
@RequestScoped
public class SignIn {
  private static final Logger LOG = Logger.getLogger(SignIn.class.getName());
  static final String ATTENDEE_REFUSED =
      "This area is for organizers and admins. Attendees manage their bookings in the Boxoffice"
          + " app.";

  @Inject org.boxoffice.identity.boundary.SignIn identity;
  @Inject AdminSession session;

  private String email;
  private String password;
  private String totpCode;
  private boolean totpRequired;

  /** Checks the password, refuses attendees, then rotates the session id (no fixation). */
  public String signIn() {
    TokenResponse answer;
    try {
      answer = identity.login(new LoginRequest(email, password, blankToNull(totpCode)));
    } catch (ApiException refusal) {
      if (org.boxoffice.identity.boundary.SignIn.TOTP_REQUIRED.equals(refusal.code())) {
        totpRequired = true;
        FacesMessages.info("Enter the code from your authenticator app.");
      } else {
        FacesMessages.error(refusal.getMessage());
      }
      password = null;
      return null;
    }
    UserView user = answer.user();
    if (!"ORGANIZER".equals(user.role()) && !"ADMIN".equals(user.role())) {
      FacesMessages.error(ATTENDEE_REFUSED);
      return null;
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).changeSessionId();
    session.signIn(user);
    LOG.info(() -> "admin sign-in of user " + user.id());
    return "/admin/index.xhtml?faces-redirect=true";
  }

  /** Ends the HTTP session and goes back to the sign-in page. */
  public void signOut() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + AdminAccessFilter.SIGN_IN);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getTotpCode() {
    return totpCode;
  }

  public void setTotpCode(String totpCode) {
    this.totpCode = totpCode;
  }

  public boolean isTotpRequired() {
    return totpRequired;
  }
}
