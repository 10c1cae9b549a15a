package org.boxoffice.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;

/**
 * Turns the boundaries' refusals into Faces messages: a field detail ({@code ticketTypes[1].price})
 * goes next to its input, anything else to the page's global messages.
 */
final class FacesMessages {
  private FacesMessages() {}

  static void info(String summary) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
  }

  static void error(String summary) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
  }

  /**
   * Reports a refusal; {@code clientId} maps a field name of the API to the client id of the input
   * (or null when the page has no input for it).
   */
  static void refused(DomainException refusal, UnaryOperator<String> clientId) {
    if (refusal.details().isEmpty()) {
      error(refusal.getMessage());
      return;
    }
    for (FieldDetail detail : refusal.details()) {
      field(detail.field(), detail.message(), clientId);
    }
  }

  /** Reports Bean Validation violations of a request record next to their inputs. */
  static void violations(
      Set<? extends ConstraintViolation<?>> violations, UnaryOperator<String> id) {
    for (ConstraintViolation<?> violation : violations) {
      field(violation.getPropertyPath().toString(), violation.getMessage(), id);
    }
  }

  /** An error next to one input (its client id). */
  static void fieldError(String clientId, String message) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    FacesContext.getCurrentInstance().validationFailed();
  }

  private static void field(String field, String message, UnaryOperator<String> clientId) {
    String id = field == null ? null : clientId.apply(field);
    FacesContext.getCurrentInstance()
        .addMessage(
            id,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR, id == null ? field + " " + message : message, null));
    FacesContext.getCurrentInstance().validationFailed();
  }
}
