package org.boxoffice.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the server the build started wrote to messages.log, and the keys in its data dir. */
final class ServerLog {
  private ServerLog() {}

  static Path serverDir() {
    return Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"))
        .resolve("usr/servers")
        .resolve(System.getProperty("it.server.name", "boxoffice"));
  }

  static String messages() {
    try {
      return Files.readString(serverDir().resolve("logs/messages.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The token of the last dev-only "pending email" line for this address and purpose. */
  static String emailedToken(String email, String purpose) {
    Matcher m =
        Pattern.compile(
                "pending email to "
                    + Pattern.quote(email)
                    + ": "
                    + purpose
                    + " token ([A-Za-z0-9_-]{43})")
            .matcher(messages());
    String token = null;
    while (m.find()) {
      token = m.group(1);
    }
    if (token == null) {
      throw new AssertionError("no " + purpose + " email logged for " + email);
    }
    return token;
  }

  static String pem(String file) {
    try {
      return Files.readString(serverDir().resolve("data/jwt").resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
