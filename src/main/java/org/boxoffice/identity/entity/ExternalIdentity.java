package org.boxoffice.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account's identity at an OpenID Connect provider: the provider's name and the subject ({@code
 * sub}) it asserts, which the provider never reassigns. Signing in with the provider finds the
 * account by this pair only, never by email. The email is the one the provider gave when the
 * identity was linked, for the account's owner to recognise it.
 */
@Entity
@Table(name = "external_identities")
@NamedQuery(
    name = ExternalIdentity.BY_SUBJECT,
    query =
        "SELECT i FROM ExternalIdentity i WHERE i.provider = :provider AND i.subject = :subject")
@NamedQuery(
    name = ExternalIdentity.OF_USER,
    query = "SELECT i FROM ExternalIdentity i WHERE i.userId = :userId ORDER BY i.linkedAt, i.id")
public class ExternalIdentity {
  public static final String BY_SUBJECT = "ExternalIdentity.bySubject";
  public static final String OF_USER = "ExternalIdentity.ofUser";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(nullable = false)
  private String provider;

  @Column(nullable = false)
  private String subject;

  @Column private String email;

  @Column(name = "linked_at", nullable = false)
  private Instant linkedAt;

  protected ExternalIdentity() {}

  public ExternalIdentity(
      long userId, String provider, String subject, String email, Instant linkedAt) {
    this.userId = userId;
    this.provider = provider;
    this.subject = subject;
    this.email = email;
    this.linkedAt = linkedAt;
  }

  public Long id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public String provider() {
    return provider;
  }

  public String subject() {
    return subject;
  }

  public String email() {
    return email;
  }

  public Instant linkedAt() {
    return linkedAt;
  }
}
