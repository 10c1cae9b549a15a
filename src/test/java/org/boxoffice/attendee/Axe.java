package org.boxoffice.attendee;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's engine, the script its Selenium jar ships) run in the page the browser shows.
 * WebDriver injects it outside the page's Content-Security-Policy, which stays as strict as ever.
 */
final class Axe {
  private static final String SCRIPT = load();

  private Axe() {}

  /** The serious and critical violations on the page: rule, help text and where. */
  @SuppressWarnings("unchecked")
  static List<String> seriousViolations(WebDriver driver) {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(SCRIPT);
    return (List<String>)
        js.executeAsyncScript(
            """
            var done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(function (result) {
              done(result.violations
                .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(function (v) {
                  return v.id + ': ' + v.help + ' at ' + v.nodes.map(function (n) {
                    return n.target.join(' ');
                  }).join(', ');
                }));
            }).catch(function (e) { done(['axe did not run: ' + e]); });
            """);
  }

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
