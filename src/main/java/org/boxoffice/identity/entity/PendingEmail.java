package org.boxoffice.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An email identity wants sent, waiting for the notifications outbox (not built yet). It holds no
 * token: the link is only logged, in dev, until the outbox can carry it.
 */
@Entity
@Table(name = "pending_emails")
public class PendingEmail {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String recipient;

  @Column(nullable = false)
  private String purpose;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected PendingEmail() {}

  public PendingEmail(String recipient, String purpose, Instant createdAt) {
    this.recipient = recipient;
    this.purpose = purpose;
    this.createdAt = createdAt;
  }
}
