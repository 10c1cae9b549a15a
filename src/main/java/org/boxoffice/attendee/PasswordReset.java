package org.boxoffice.attendee;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Map;
import org.boxoffice.identity.boundary.AccountRecovery;
import org.boxoffice.identity.control.PasswordPolicy;
import org.boxoffice.platform.entity.DomainException;

/**
 * {@code /password-reset?token=…}, the link of the reset email: choose a new password (identity's
 * policy decides, its reasons shown next to the field in the page's language), or, when the link is
 * used or expired, ask for a new one. Asking answers the same whether the address has an account or
 * not, as {@code POST /auth/password-reset} does.
 */
@Named
@ViewScoped
public class PasswordReset implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where the page stands. */
  public enum Outcome {
    /** The form to choose a password. */
    CHOOSE,
    /** The password is changed and every session ended. */
    CHANGED,
    /** The token is unknown, already used or expired: the form to ask for a new link. */
    SPENT,
    /** A new link was asked for. */
    LINK_SENT
  }

  static final String PASSWORD_INPUT = "reset:password";
  static final String REPEAT_INPUT = "reset:repeat";

  /** Identity's policy reasons, by how each begins, and the key of their translation. */
  private static final Map<String, String> POLICY_TEXTS =
      Map.of(
          "must be at least", "password.tooShort",
          "must be at most", "password.tooLong",
          "is too common", "password.tooCommon");

  @Inject AccountRecovery recovery;
  @Inject PageLimits limits;

  private String token;
  private String password;
  private String repeat;

  @Email
  @Size(max = 254)
  private String email;

  private Outcome outcome = Outcome.CHOOSE;

  /** Sets the new password; its refusals go next to the inputs. */
  public String change() {
    try {
      if (!limits.allows("reset")) {
        Texts.fieldError(null, Texts.get("signIn.later"));
      } else if (token == null || token.isBlank()) {
        outcome = Outcome.SPENT;
      } else if (!password.equals(repeat)) {
        Texts.fieldError(REPEAT_INPUT, Texts.get("password.mismatch"));
      } else {
        recovery.confirmPasswordReset(token, password);
        outcome = Outcome.CHANGED;
      }
    } catch (DomainException refused) {
      refused.details().stream()
          .filter(detail -> "newPassword".equals(detail.field()))
          .findFirst()
          .ifPresentOrElse(
              weak -> Texts.fieldError(PASSWORD_INPUT, policyText(weak.message())),
              () -> outcome = Outcome.SPENT);
    } finally {
      // The view is kept in the HTTP session: no password stays there after the request.
      password = null;
      repeat = null;
    }
    return null;
  }

  /** Sends a new reset link when the address has an account; says the same either way. */
  public String requestLink() {
    if (!limits.allows("reset-request")) {
      Texts.fieldError(null, Texts.get("signIn.later"));
      return null;
    }
    recovery.requestPasswordReset(email);
    outcome = Outcome.LINK_SENT;
    return null;
  }

  /** Identity's reason in the page's language; as given when it is not one the page knows. */
  static String policyText(String reason) {
    return POLICY_TEXTS.entrySet().stream()
        .filter(known -> reason.startsWith(known.getKey()))
        .findFirst()
        .map(
            known ->
                Texts.get(known.getValue(), PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH))
        .orElse(reason);
  }

  public int getMinLength() {
    return PasswordPolicy.MIN_LENGTH;
  }

  public int getMaxLength() {
    return PasswordPolicy.MAX_LENGTH;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token == null || token.length() > 128 ? null : token;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRepeat() {
    return repeat;
  }

  public void setRepeat(String repeat) {
    this.repeat = repeat;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  /** A link with no token at all: straight to asking for one. */
  public boolean isTokenMissing() {
    return token == null || token.isBlank();
  }
}
