package org.boxoffice.attendee;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GreenMail on a loopback port that a server copy's outbox delivers to, with the copy's own address
 * as the public base URL: the links in the emails then open the copy's pages in the browser, as
 * they would open the real site's.
 */
final class AttendeeMail implements AutoCloseable {
  private final GreenMail smtp;
  private final int port;
  private final String publicBaseUrl;

  AttendeeMail(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  Map<String, String> env() {
    return Map.of(
        "SMTP_HOST", "127.0.0.1",
        "SMTP_PORT", String.valueOf(port),
        "SMTP_FROM", "Boxoffice <accounts@boxoffice.test>",
        "BOXOFFICE_OUTBOX_INTERVAL_SECONDS", "1",
        "BOXOFFICE_PUBLIC_BASE_URL", publicBaseUrl);
  }

  /** How many emails this address received whose subject starts so. */
  int count(String recipient, String subject) {
    return withSubject(recipient, subject).size();
  }

  /** The {@code n}th (1-based) email to this address whose subject starts so, waiting 60 s. */
  MimeMessage await(String recipient, String subject, int n) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (withSubject(recipient, subject).size() < n) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no email #" + n + " \"" + subject + "\" for " + recipient);
      }
      sleep();
    }
    return withSubject(recipient, subject).get(n - 1);
  }

  /** The link to {@code page} in the email's text part, the same as in its HTML part. */
  String link(MimeMessage mail, String page) throws Exception {
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    collect(mail, text, html);
    Matcher found =
        Pattern.compile(Pattern.quote(publicBaseUrl + "/" + page + "?token=") + "[A-Za-z0-9_-]{43}")
            .matcher(text);
    if (!found.find()) {
      throw new AssertionError("no " + page + " link in " + text);
    }
    if (!html.toString().contains("href=\"" + found.group() + "\"")) {
      throw new AssertionError("the HTML part has not the same link: " + html);
    }
    return found.group();
  }

  /**
   * The link to {@code /path} in the email's text part, the same in its HTML part, under any {@code
   * http://localhost:port} base URL: a waiting-list offer is written by whichever server's offer
   * job made it (this copy, or the server the build started), each with its own address.
   */
  static String linkAnywhere(MimeMessage mail, String path) throws Exception {
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    collect(mail, text, html);
    Matcher found =
        Pattern.compile("http://localhost:[0-9]{2,5}" + Pattern.quote(path) + "(?![0-9A-Za-z/])")
            .matcher(text);
    if (!found.find()) {
      throw new AssertionError("no " + path + " link in " + text);
    }
    if (!html.toString().contains("href=\"" + found.group() + "\"")) {
      throw new AssertionError("the HTML part has not the same link: " + html);
    }
    return found.group();
  }

  /** The email's text part. */
  static String text(MimeMessage mail) throws Exception {
    StringBuilder text = new StringBuilder();
    collect(mail, text, new StringBuilder());
    return text.toString();
  }

  private List<MimeMessage> withSubject(String recipient, String subject) {
    return Arrays.stream(smtp.getReceivedMessagesForDomain(recipient))
        .filter(
            m -> {
              try {
                return m.getSubject().startsWith(subject);
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static void collect(Part part, StringBuilder text, StringBuilder html) throws Exception {
    if (part.isMimeType("text/plain")) {
      text.append(part.getContent());
    } else if (part.isMimeType("text/html")) {
      html.append(part.getContent());
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, text, html);
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    smtp.stop();
  }
}
