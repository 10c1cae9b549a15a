package org.boxoffice.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.boxoffice.platform.entity.DomainException;

/** A TOTP recovery code, by hash: it replaces one TOTP code, once. */
@Entity
@Table(name = "totp_recovery_codes")
@NamedQuery(
    name = RecoveryCode.UNUSED_OF_USER,
    query = "SELECT c FROM RecoveryCode c WHERE c.userId = :userId AND c.usedAt IS NULL")
@NamedQuery(
    name = RecoveryCode.DELETE_OF_USER,
    query = "DELETE FROM RecoveryCode c WHERE c.userId = :userId")
public class RecoveryCode {
  public static final String UNUSED_OF_USER = "RecoveryCode.unusedOfUser";
  public static final String DELETE_OF_USER = "RecoveryCode.deleteOfUser";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "code_hash", nullable = false)
  private String codeHash;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RecoveryCode() {}

  public RecoveryCode(long userId, String codeHash) {
    this.userId = userId;
    this.codeHash = codeHash;
  }

  public String codeHash() {
    return codeHash;
  }

  public void markUsed(Instant now) {
    if (usedAt != null) {
      throw DomainException.conflict(
          IdentityErrors.RECOVERY_CODE_USED, "The recovery code was used already");
    }
    usedAt = now;
  }
}
