package org.boxoffice.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

  static String pem(String file) {
    try {
      return Files.readString(serverDir().resolve("data/jwt").resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
