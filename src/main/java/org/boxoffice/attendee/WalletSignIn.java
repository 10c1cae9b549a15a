package org.boxoffice.attendee;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.boxoffice.identity.boundary.AccountPrincipal;
import org.boxoffice.identity.boundary.LoginRequest;
import org.boxoffice.identity.boundary.SignIn;
import org.boxoffice.identity.boundary.TokenResponse;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.platform.boundary.RateLimitedException;
import org.boxoffice.platform.entity.DomainException;

/**
 * {@code /sign-in}, the ticket wallet's sign-in: identity's sign-in exactly as {@code POST
 * /auth/login} runs it (bcrypt, the throttle shared with the API, the TOTP step, audit entries).
 * The HTTP session gets a new id on success (no session fixation); then the wallet, or the page
 * that sent the attendee here (a waiting-list offer).
 */
@Named
@RequestScoped
public class WalletSignIn {
  static final String WALLET = "/wallet";

  @Inject SignIn identity;
  @Inject AttendeeSession session;
  @Inject PageLimits limits;

  private String email;
  private String password;
  private String totpCode;
  private boolean totpRequired;

  /** Already signed in: straight to the wallet. */
  public void skipWhenSignedIn() throws IOException {
    if (session.isSignedIn()) {
      ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
      context.redirect(context.getRequestContextPath() + WALLET);
    }
  }

  public String signIn() throws IOException {
    if (!limits.allows("login")) {
      password = null;
      Texts.fieldError(null, Texts.get("signIn.later"));
      return null;
    }
    TokenResponse signedIn;
    try {
      signedIn = identity.login(new LoginRequest(email, password, totpCode));
    } catch (RateLimitedException throttled) {
      Texts.fieldError(null, Texts.get("signIn.later"));
      return null;
    } catch (DomainException refused) {
      totpRequired = IdentityErrors.TOTP_REQUIRED.equals(refused.code());
      Texts.fieldError(
          null,
          Texts.get(
              totpRequired
                  ? "signIn.totpRequired"
                  : refused.kind() == DomainException.Kind.UNAVAILABLE
                      ? "signIn.later"
                      : "signIn.refused"));
      return null;
    } finally {
      password = null;
    }
    ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) context.getRequest()).changeSessionId();
    session.signIn(
        signedIn.user().id(),
        AccountPrincipal.of(signedIn).sessionId(),
        signedIn.user().firstName());
    context.redirect(context.getRequestContextPath() + session.takeReturnTo(WALLET));
    return null;
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
