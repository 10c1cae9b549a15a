package org.boxoffice.attendee;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Iterator;
import java.util.Locale;
import org.boxoffice.platform.entity.Languages;

/**
 * The language of an attendee page, chosen from the browser's {@code Accept-Language} ({@link
 * Languages#choose}): Traditional Chinese for the zh variants written in it, English otherwise.
 * Only these pages use it (their template's {@code f:view locale}); the admin pages stay English.
 */
@Named
@RequestScoped
public class PageLocale {
  static final Locale ENGLISH = Languages.ENGLISH;
  static final Locale TRADITIONAL_CHINESE = Languages.TRADITIONAL_CHINESE;

  private Locale locale;

  /** The page's locale. */
  public Locale getLocale() {
    if (locale == null) {
      Iterator<Locale> asked =
          FacesContext.getCurrentInstance().getExternalContext().getRequestLocales();
      locale = choose(asked);
    }
    return locale;
  }

  /** The page's language as a BCP 47 tag, for {@code <html lang>}. */
  public String getLanguageTag() {
    return getLocale().toLanguageTag();
  }

  /** The first language the browser asks for that the pages have; English when none. */
  static Locale choose(Iterator<Locale> asked) {
    return Languages.choose(asked);
  }
}
