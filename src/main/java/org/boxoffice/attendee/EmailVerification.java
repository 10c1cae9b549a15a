package org.boxoffice.attendee;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.boxoffice.identity.boundary.AccountRecovery;
import org.boxoffice.platform.entity.DomainException;

/**
 * {@code /verify-email?token=…}, the link of the verification email. The address is confirmed by
 * the page's button, a POST, not by opening the link: mail scanners that open every link would
 * otherwise spend the token before the attendee sees the page.
 */
@Named
@ViewScoped
public class EmailVerification implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where the page stands. */
  public enum Outcome {
    /** The link was opened; the attendee has not confirmed yet. */
    ASKED,
    /** The address is confirmed. */
    VERIFIED,
    /** The token is unknown, already used or expired. */
    SPENT
  }

  @Inject AccountRecovery recovery;
  @Inject PageLimits limits;

  private String token;
  private Outcome outcome = Outcome.ASKED;

  /** Confirms the address with the link's token. */
  public String confirm() {
    if (!limits.allows("verify")) {
      Texts.fieldError(null, Texts.get("signIn.later"));
      return null;
    }
    if (token == null || token.isBlank()) {
      outcome = Outcome.SPENT;
      return null;
    }
    try {
      recovery.verifyEmail(token);
      outcome = Outcome.VERIFIED;
    } catch (DomainException refused) {
      outcome = Outcome.SPENT;
    }
    return null;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token == null || token.length() > 128 ? null : token;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  /** A link with no token at all: nothing to confirm. */
  public boolean isTokenMissing() {
    return token == null || token.isBlank();
  }
}
