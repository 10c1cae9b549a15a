package org.boxoffice.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The application's own series on a server's {@code /metrics}. */
public final class Metrics {
  private Metrics() {}

  /** The value of one application series now, on the server the build started. */
  public static double current(String name) {
    return value(Api.server().get("/metrics?scope=application").body(), name);
  }

  /** The value of one application series in a {@code /metrics} text. */
  public static double value(String metrics, String name) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{mp_scope=\"application\",?} (\\S+)$")
            .matcher(metrics);
    assertThat(m.find()).as(name + " in /metrics").isTrue();
    return Double.parseDouble(m.group(1));
  }
}
