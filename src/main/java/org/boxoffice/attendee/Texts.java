package org.boxoffice.attendee;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The attendee pages' texts for the beans (the pages read the same bundle as {@code #{text}}), in
 * the page's locale, and the Faces messages made of them.
 */
final class Texts {
  static final String BUNDLE = "org.boxoffice.attendee.texts";

  private Texts() {}

  static String get(String key, Object... arguments) {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }

  /** An error next to one input (its client id), failing the page's validation. */
  static void fieldError(String clientId, String message) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    context.validationFailed();
  }
}
