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
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.boxoffice.identity.boundary.BoxofficeAuthentication;
import org.boxoffice.identity.boundary.OidcSignIn;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.identity.entity.IdentityErrors;

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
  @Inject OidcSignIn oidc;

  private String email;
  private String password;
  private String totpCode;
  private boolean totpRequired;
  private String providerCode;

  /**
   * What a provider's return left for this page (its {@code oidc} parameter): a refusal to explain,
   * or the code step. A view action, so the message is there before the page renders.
   */
  public void readProviderReturn() {
    String code =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("oidc");
    if (code == null) {
      return;
    }
    if (code.equals("totp") && provedIdentity().isPresent()) {
      FacesMessages.info("Enter the code from your authenticator app to finish signing in.");
      return;
    }
    FacesMessages.error(providerRefusal(code));
  }

  /**
   * The configured OpenID Connect providers, one button each. Beans with getters, not identity's
   * records: Jakarta EL 5 (EE 10) reads no record components.
   */
  public List<ProviderButton> getProviders() {
    return oidc.providers().stream().map(p -> new ProviderButton(p.name(), p.label())).toList();
  }

  /** A "Sign in with ..." button of the sign-in page. */
  public static final class ProviderButton implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String label;

    ProviderButton(String name, String label) {
      this.name = name;
      this.label = label;
    }

    public String getName() {
      return name;
    }

    public String getLabel() {
      return label;
    }
  }

  /** Whether a provider proved who this is and only the authenticator code is missing. */
  public boolean isProviderCodeRequired() {
    return provedIdentity().isPresent();
  }

  /** The second step of a provider sign-in for an account with 2FA. */
  public String completeProviderSignIn() {
    Optional<ProvedIdentity> proved = provedIdentity();
    if (proved.isEmpty()) {
      FacesMessages.error(providerRefusal("OIDC_STATE_INVALID"));
      return null;
    }
    return authenticate(
        OidcCredential.secondFactor(proved.get().claims(), blankToNull(providerCode)), true);
  }

  /**
   * Authenticates through the container, rotates the session id (no fixation) and goes on to the
   * page first asked for, or the dashboard.
   */
  public String signIn() {
    String result =
        authenticate(new AdminCredential(email, password, blankToNull(totpCode)), false);
    password = null;
    return result;
  }

  private String authenticate(Credential credential, boolean provider) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    // Looked up, not injected: the container's bean is not one a view-scoped bean may hold.
    SecurityContext security = CDI.current().select(SecurityContext.class).get();
    AuthenticationStatus status =
        security.authenticate(
            request, response, withParams().newAuthentication(true).credential(credential));
    UserView user = attempt.user();
    if (user == null || status != AuthenticationStatus.SUCCESS) {
      if (provider) {
        providerCode = null;
        FacesMessages.error(
            IdentityErrors.INVALID_CREDENTIALS.equals(attempt.refusalCode())
                ? "The authenticator code is wrong."
                : providerRefusal(attempt.refusalCode()));
      } else {
        refused();
      }
      return null;
    }
    external.getSessionMap().remove(OidcReturn.SECOND_FACTOR);
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

  private Optional<ProvedIdentity> provedIdentity() {
    Object kept =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getSessionMap()
            .get(OidcReturn.SECOND_FACTOR);
    return kept instanceof ProvedIdentity proved && proved.isValid(Instant.now())
        ? Optional.of(proved)
        : Optional.empty();
  }

  /** The sign-in page's words for a provider sign-in's refusal code, never the request's text. */
  static String providerRefusal(String code) {
    return switch (code == null ? "" : code) {
      case "OIDC_STATE_INVALID", "OIDC_CODE_INVALID", "VALIDATION_FAILED" ->
          "That sign-in expired or was already used. Please start again.";
      case "OIDC_PROVIDER_UNAVAILABLE" ->
          "The sign-in provider cannot be reached right now. Try again shortly, or sign in with"
              + " your password.";
      case "OIDC_LINK_REQUIRED" ->
          "An account with this email already exists. Sign in with its password, then link the"
              + " provider from your profile.";
      case "OIDC_EMAIL_DOMAIN_REFUSED" ->
          "This provider only admits verified addresses of your organisation.";
      case "OIDC_EMAIL_REQUIRED" -> "The provider did not share your email address.";
      case "OIDC_PROVIDER_UNKNOWN" -> "There is no such sign-in provider.";
      case "OIDC_DENIED" -> "The sign-in was cancelled at the provider.";
      case AdminIdentityStore.ADMIN_PAGES_ONLY -> AdminIdentityStore.ATTENDEE_REFUSED;
      default -> "Signing in with the provider failed. Please try again.";
    };
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

  public String getProviderCode() {
    return providerCode;
  }

  public void setProviderCode(String providerCode) {
    this.providerCode = providerCode;
  }

  public boolean isTotpRequired() {
    return totpRequired;
  }
}
