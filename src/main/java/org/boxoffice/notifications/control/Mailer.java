package org.boxoffice.notifications.control;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.activation.FileDataSource;
import jakarta.activation.FileTypeMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
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
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

  /**
   * A file attached to an email, rendered once: its bytes in memory, or a spooled file for a large
   * one (written to the SMTP connection as it is read, never held whole in memory).
   */
  public record Attachment(String fileName, String contentType, DataSource data) {
    public static Attachment of(String fileName, String contentType, byte[] bytes) {
      return new Attachment(fileName, contentType, new ByteArrayDataSource(bytes, contentType));
    }

    public static Attachment spooled(String fileName, String contentType, Path file) {
      FileDataSource source = new FileDataSource(file.toFile());
      source.setFileTypeMap(
          new FileTypeMap() {
            @Override
            public String getContentType(File f) {
              return contentType;
            }

            @Override
            public String getContentType(String name) {
              return contentType;
            }
          });
      return new Attachment(fileName, contentType, source);
    }
  }

  public boolean configured() {
    return settings.smtpHost.filter(h -> !h.isBlank()).isPresent();
  }

  /**
   * Composes one email, ready to send (and to send again over a new connection without rendering
   * anything twice): text and HTML alternatives, then the attachments. {@code messageKey} becomes
   * its {@code Message-ID} ({@code <messageKey@domain of SMTP_FROM>}): the same for every attempt
   * at the same email, so a copy sent twice (delivery is at least once) can be recognised.
   */
  public MimeMessage compose(
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
      part.setDataHandler(new DataHandler(attachment.data()));
      part.setFileName(attachment.fileName());
      // Said up front, so Jakarta Mail does not read the whole attachment once more to choose.
      part.setHeader("Content-Transfer-Encoding", "base64");
      mixed.addBodyPart(part);
    }
    message.setContent(mixed);
    message.saveChanges();
    return message;
  }

  /** A connection to the SMTP server, opened at the first send and kept for the next ones. */
  public Connection connection() {
    return new Connection();
  }

  /**
   * One SMTP connection reused for many emails (one sender's batches), so a backlog does not pay a
   * TCP and SMTP handshake (and TLS, and AUTH) per email. Not thread-safe: one per sender.
   */
  public final class Connection implements AutoCloseable {
    private Transport transport;
    private String failure;

    private Connection() {}

    /**
     * Sends over this connection. A connection the server or the network dropped since its last use
     * is noticed here: it is opened again and the email sent once more over the new one. A refusal
     * by a server that is still there (bad address, message refused) is not retried here: the
     * outbox retries it later with backoff.
     */
    public void send(MimeMessage message) throws MessagingException {
      failure = null;
      boolean reused = transport != null;
      try {
        if (!reused) {
          open();
        }
        try {
          transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException failed) {
          // A dropped connection shows as an EOF (often an SMTPSendFailedException with code -1),
          // after which Jakarta Mail has closed the transport: that one is worth a new connection.
          if (!reused || transport.isConnected()) {
            throw failed;
          }
          closeQuietly();
          open();
          transport.sendMessage(message, message.getAllRecipients());
        }
      } catch (MessagingException failed) {
        failure = reasonOf(failed);
        throw failed;
      }
    }

    /**
     * Why the last {@link #send} failed, for the failure counter: {@code authentication}, {@code
     * refused} (a server that is still there said no), or {@code connection} (none could be
     * reached, or it went away).
     */
    public String failure() {
      return failure;
    }

    private String reasonOf(MessagingException failed) {
      if (failed instanceof AuthenticationFailedException) {
        return "authentication";
      }
      return transport != null && transport.isConnected() ? "refused" : "connection";
    }

    private void open() throws MessagingException {
      Transport fresh = session().getTransport("smtp");
      fresh.connect();
      transport = fresh;
    }

    private void closeQuietly() {
      try {
        close();
      } catch (MessagingException ignored) {
        // the connection is gone already; a new one is opened for the next email
      }
    }

    @Override
    public void close() throws MessagingException {
      Transport open = transport;
      transport = null;
      if (open != null) {
        open.close();
      }
    }
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
          // Closing a connection does not wait for the server's answer to QUIT.
          props.put("mail.smtp.quitwait", "false");
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
