package org.boxoffice.admin;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.logging.Logger;
import org.boxoffice.identity.boundary.BoxofficeAuthentication;
import org.boxoffice.identity.boundary.UserView;

/**
 * The admin sign-in form and sign-out: Jakarta Security form login. The container guards {@code
 * /admin/*} (web.xml's security constraints) and sends a visitor with no session to this page
 * (identity's {@code BoxofficeAuthentication} mechanism); the page hands the credentials to {@link
 * SecurityContext#authenticate}, the mechanism has {@link AdminIdentityStore} check them and keeps
 * the caller in the HTTP session. After a sign-in the visitor goes on to the page first asked for,
 * or the dashboard. View-scoped: once an account turned out to need its authenticator code, the
 * code field stays on the page for the next attempt (a request-scoped bean forgot that, so the code
 * typed there was never read).
 */
@Named
@ViewScoped
public class SignIn implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SignIn.class.getName());

  @Inject SignInAttempt attempt;
  @Inject AdminSession session;

  private String email;
  private String password;
  private String totpCode;
  private boolean totpRequired;

  /**
   * Authenticates through the container, rotates the session id (no fixation) and goes on to the
   * page first asked for, or the dashboard.
   */
  public String signIn() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    // Looked up, not injected: the container's bean is not one a view-scoped bean may hold.
    SecurityContext security = CDI.current().select(SecurityContext.class).get();
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            withParams()
                .newAuthentication(true)
                .credential(new AdminCredential(email, password, blankToNull(totpCode))));
    password = null;
    UserView user = attempt.user();
    if (user == null || status != AuthenticationStatus.SUCCESS) {
      refused();
      return null;
    }
    request.changeSessionId();
    session.signIn(user);
    LOG.info(() -> "admin sign-in of user " + user.id());
    String page = BoxofficeAuthentication.takeReturnPage(request).orElse("/admin/index.xhtml");
    try {
      external.redirect(external.getRequestContextPath() + page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  private void refused() {
    if (attempt.totpRequired()) {
      totpRequired = true;
      FacesMessages.info("Enter the code from your authenticator app.");
    } else {
      FacesMessages.error(
          attempt.refusal() != null ? attempt.refusal() : "Unknown email or wrong password");
    }
  }

  /** Signs out of the container, ends the HTTP session and goes back to the sign-in page. */
  public void signOut() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
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
