package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server (GreenMail) on a loopback port of this JVM that a server copy's outbox delivers
 * to, and what the tests read from the emails it received: the token of the link they carry.
 */
final class Mailbox implements AutoCloseable {
  static final String PUBLIC_BASE_URL = "https://tickets.boxoffice.test";
  private final GreenMail smtp;
  private final int port;

  Mailbox() {
    port = AccountRecoveryIT.freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  /** The settings that make a server copy send its emails here, with links to the base URL. */
  Map<String, String> env() {
    return Map.of(
        "SMTP_HOST", "127.0.0.1",
        "SMTP_PORT", String.valueOf(port),
        "SMTP_FROM", "Boxoffice <accounts@boxoffice.test>",
        "BOXOFFICE_OUTBOX_INTERVAL_SECONDS", "1",
        "BOXOFFICE_PUBLIC_BASE_URL", PUBLIC_BASE_URL);
  }

  /** Every email received for this address. */
  MimeMessage[] received(String recipient) {
    return smtp.getReceivedMessagesForDomain(recipient);
  }

  /** The one email to this address whose subject starts so, waiting up to 60 s for it. */
  MimeMessage await(String recipient, String subject) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (withSubject(recipient, subject).size() != 1) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no single email \"" + subject + "\" for " + recipient);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return withSubject(recipient, subject).get(0);
  }

  private List<MimeMessage> withSubject(String recipient, String subject) {
    return Arrays.stream(received(recipient))
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

  /**
   * The token of the link in the email: the text and the HTML part carry the same link, under the
   * configured public base URL.
   */
  static String tokenIn(MimeMessage mail, String page) throws Exception {
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    collect(mail, text, html);
    Pattern link =
        Pattern.compile(
            Pattern.quote(PUBLIC_BASE_URL + "/" + page + "?token=") + "([A-Za-z0-9_-]{43})");
    Matcher inText = link.matcher(text);
    assertThat(inText.find()).as("link in the text part: " + text).isTrue();
    String token = inText.group(1);
    assertThat(html.toString())
        .contains("href=\"" + PUBLIC_BASE_URL + "/" + page + "?token=" + token + "\"");
    return token;
  }

  /** The text part of the email. */
  static String text(MimeMessage mail) throws Exception {
    StringBuilder text = new StringBuilder();
    collect(mail, text, new StringBuilder());
    return text.toString();
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

  @Override
  public void close() {
    smtp.stop();
  }
}
