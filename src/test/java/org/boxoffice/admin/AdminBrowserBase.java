package org.boxoffice.admin;

import org.boxoffice.booking.BookingFixtures;
import org.boxoffice.it.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every admin browser test class shares: the application the build started, its base URL, and
 * one headless Chromium for the class, opened before its tests and closed after them.
 */
abstract class AdminBrowserBase {
  static Browser browser;
  static String base;

  @BeforeAll
  static void openBrowser() {
    BookingFixtures.awaitApplication();
    base = Api.baseUri().toString();
    browser = new Browser(1280, 900);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
