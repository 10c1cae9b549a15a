package org.boxoffice.coupons.entity;

import static org.boxoffice.coupons.entity.CouponErrors.COUPON_EXHAUSTED;
import static org.boxoffice.coupons.entity.CouponErrors.COUPON_EXPIRED;
import static org.boxoffice.coupons.entity.CouponErrors.COUPON_INVALID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** A discount code of one event, with its redemption count. */
@Entity
@Table(name = "coupons")
@NamedQuery(
    name = Coupon.BY_EVENT,
    query = "SELECT c FROM Coupon c WHERE c.eventId = :eventId ORDER BY c.id")
@NamedQuery(
    name = Coupon.COUNT_BY_EVENT,
    query = "SELECT COUNT(c) FROM Coupon c WHERE c.eventId = :eventId")
@NamedQuery(
    name = Coupon.BY_CODE,
    query = "SELECT c.id FROM Coupon c WHERE c.eventId = :eventId AND c.codeLower = :codeLower")
public class Coupon {
  public static final String BY_EVENT = "Coupon.byEvent";
  public static final String COUNT_BY_EVENT = "Coupon.countByEvent";
  public static final String BY_CODE = "Coupon.byCode";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "event_id", nullable = false)
  private long eventId;

  @Column(nullable = false)
  private String code;

  @Column(name = "code_lower", nullable = false)
  private String codeLower;

  @Enumerated(EnumType.STRING)
  @Column(name = "discount_type", nullable = false)
  private DiscountType discountType;

  @Column(name = "discount_value", nullable = false)
  private BigDecimal discountValue;

  @Column(name = "max_usages")
  private Integer maxUsages;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "current_usages", nullable = false)
  private int currentUsages;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "coupon_ticket_types", joinColumns = @JoinColumn(name = "coupon_id"))
  @Column(name = "ticket_type_id")
  private Set<Long> ticketTypeIds = new TreeSet<>();

  @Version private long version;

  protected Coupon() {}

  public Coupon(
      long eventId,
      String code,
      DiscountType discountType,
      BigDecimal discountValue,
      Integer maxUsages,
      Instant expiresAt,
      Set<Long> ticketTypeIds,
      Instant createdAt) {
    this.eventId = eventId;
    this.code = code.strip();
    this.codeLower = normalize(code);
    this.discountType = discountType;
    this.discountValue = discountValue.setScale(2, RoundingMode.HALF_EVEN);
    this.maxUsages = maxUsages;
    this.expiresAt = expiresAt;
    this.ticketTypeIds = new TreeSet<>(ticketTypeIds);
    this.active = true;
    this.createdAt = createdAt;
  }

  /** Codes match regardless of case and surrounding blanks. */
  public static String normalize(String code) {
    return code.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Takes one use of the coupon for a booking of the given ticket type, or refuses: 422
   * COUPON_INVALID (disabled, or not valid for this ticket type), COUPON_EXPIRED, COUPON_EXHAUSTED.
   */
  public void redeem(long ticketTypeId, Instant now) {
    if (!active) {
      throw CouponRefused.notValid();
    }
    if (!ticketTypeIds.isEmpty() && !ticketTypeIds.contains(ticketTypeId)) {
      throw new CouponRefused(COUPON_INVALID, "This coupon is not valid for this ticket type");
    }
    if (expiresAt != null && !now.isBefore(expiresAt)) {
      throw new CouponRefused(COUPON_EXPIRED, "This coupon has expired");
    }
    if (maxUsages != null && currentUsages >= maxUsages) {
      throw new CouponRefused(COUPON_EXHAUSTED, "This coupon has been used up");
    }
    currentUsages++;
  }

  /**
   * Counts a use again for a booking whose hold lapsed (giving its use back) and whose payment then
   * arrived: the attendee already paid the discounted price, so being disabled or past its expiry
   * since does not matter; only the use limit does, and it is never exceeded. False, with nothing
   * changed, when no use is left.
   */
  public boolean retakeUse() {
    if (maxUsages != null && currentUsages >= maxUsages) {
      return false;
    }
    currentUsages++;
    return true;
  }

  /** Gives one use back (the booking expired or was cancelled); never below zero. */
  public void giveBack() {
    if (currentUsages > 0) {
      currentUsages--;
    }
  }

  public void disable() {
    active = false;
  }

  public Long id() {
    return id;
  }

  public long eventId() {
    return eventId;
  }

  public String code() {
    return code;
  }

  public DiscountType discountType() {
    return discountType;
  }

  public BigDecimal discountValue() {
    return discountValue;
  }

  public Integer maxUsages() {
    return maxUsages;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public int currentUsages() {
    return currentUsages;
  }

  public boolean active() {
    return active;
  }

  public Set<Long> ticketTypeIds() {
    return Set.copyOf(ticketTypeIds);
  }
}
