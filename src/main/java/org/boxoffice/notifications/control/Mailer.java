package org.boxoffice.notifications.control;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * SMTP delivery with Jakarta Mail, configured by {@code SMTP_HOST}, {@code SMTP_PORT}, {@code
 * SMTP_USER}, {@code SMTP_PASSWORD}, {@code SMTP_FROM}, {@code SMTP_TLS} (STARTTLS required). No
 * host configured: nothing is sent and the outbox keeps its rows.
 */
@ApplicationScoped
public class Mailer {
  @Inject @ConfigProperties NotificationSettings settings;
  private static final String TIMEOUT_MILLIS = "10000";

  private volatile Session session;

  /** A file attached to an email. */
  public record Attachment(String fileName, String contentType, byte[] bytes) {}

  public boolean configured() {
    return settings.smtpHost.filter(h -> !h.isBlank()).isPresent();
  }

  /**
   * Sends one email: text and HTML alternatives, then the attachments. {@code messageKey} becomes
   * its {@code Message-ID} ({@code <messageKey@domain of SMTP_FROM>}): the same for every attempt
   * at the same email, so a copy sent twice (delivery is at least once) can be recognised.
   */
  public void send(
      String messageKey,
      String recipient,
      String subject,
      String text,
      String html,
      List<Attachment> attachments)
      throws MessagingException {
    InternetAddress sender = new InternetAddress(settings.smtpFrom);
    MimeMessage message =
        new StableIdMessage(session(), "<" + messageKey + "@" + domainOf(sender) + ">");
    message.setFrom(sender);
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient, true));
    message.setSubject(subject, StandardCharsets.UTF_8.name());

    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart textPart = new MimeBodyPart();
    textPart.setText(text, StandardCharsets.UTF_8.name());
    MimeBodyPart htmlPart = new MimeBodyPart();
    htmlPart.setContent(html, "text/html; charset=UTF-8");
    alternative.addBodyPart(textPart);
    alternative.addBodyPart(htmlPart);

    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    mixed.addBodyPart(body);
    for (Attachment attachment : attachments) {
      MimeBodyPart part = new MimeBodyPart();
      part.setDataHandler(
          new DataHandler(new ByteArrayDataSource(attachment.bytes(), attachment.contentType())));
      part.setFileName(attachment.fileName());
      mixed.addBodyPart(part);
    }
    message.setContent(mixed);
    message.saveChanges();
    Transport.send(message);
  }

  private static String domainOf(InternetAddress sender) {
    String address = sender.getAddress();
    int at = address == null ? -1 : address.lastIndexOf('@');
    return at < 0 || at == address.length() - 1 ? "boxoffice.local" : address.substring(at + 1);
  }

  /** A message whose Message-ID is given, not generated afresh by each {@code saveChanges()}. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

  private Session session() {
    Session current = session;
    if (current == null) {
      synchronized (this) {
        if (session == null) {
          Properties props = new Properties();
          props.put("mail.smtp.host", settings.smtpHost.orElseThrow());
          props.put("mail.smtp.port", String.valueOf(settings.smtpPort));
          props.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
          props.put("mail.smtp.timeout", TIMEOUT_MILLIS);
          props.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
          if (settings.smtpTls) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
          }
          Authenticator authenticator = null;
          if (settings.smtpUser.filter(u -> !u.isBlank()).isPresent()) {
            props.put("mail.smtp.auth", "true");
            String name = settings.smtpUser.get();
            String secret = settings.smtpPassword.orElse("");
            authenticator =
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(name, secret);
                  }
                };
          }
          session = Session.getInstance(props, authenticator);
        }
        current = session;
      }
    }
    return current;
  }
}
