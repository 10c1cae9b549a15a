package org.boxoffice.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.boxoffice.coupons.boundary.CouponRequest;
import org.boxoffice.coupons.boundary.CouponView;
import org.boxoffice.coupons.boundary.Coupons;
import org.boxoffice.coupons.entity.CouponErrors;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.events.boundary.OwnedEvent;
import org.boxoffice.platform.entity.DomainException;

/** The coupons of one event: create, list with their use, disable. */
@Named
@ViewScoped
public class CouponDesk implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String FORM = "coupon";
  private static final int MAX = 100;

  @Inject AdminSession session;
  @Inject Coupons coupons;
  @Inject Events events;
  @Inject Validator validator;

  private Long eventId;
  private OwnedEvent event;
  private List<CouponView> list = List.of();
  private String code;
  private String discountType = "PERCENT";
  private BigDecimal discountValue;
  private Integer maxUsages;

  /** {@code f:viewAction}: the event named by {@code ?event=}, if the organizer's. */
  public void load() {
    if (eventId == null) {
      FacesMessages.error("No event chosen");
      return;
    }
    try {
      event = events.requireOwned(eventId, session.userId());
      refresh();
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  private void refresh() {
    list = coupons.list(eventId, session.userId(), 0, MAX).items();
  }

  public void create() {
    CouponRequest request =
        new CouponRequest(code, discountType, discountValue, maxUsages, null, null);
    var violations = validator.validate(request);
    if (!violations.isEmpty()) {
      FacesMessages.violations(violations, CouponDesk::clientId);
      return;
    }
    try {
      CouponView created = coupons.create(eventId, session.userId(), request);
      FacesMessages.info("Coupon " + created.code() + " created.");
      code = null;
      discountValue = null;
      maxUsages = null;
      refresh();
    } catch (DomainException refusal) {
      if (CouponErrors.COUPON_CODE_TAKEN.equals(refusal.code())) {
        FacesMessages.fieldError(FORM + ":code", refusal.getMessage());
      } else {
        FacesMessages.refused(refusal, CouponDesk::clientId);
      }
    }
  }

  public void disable(long couponId) {
    try {
      coupons.disable(eventId, couponId, session.userId());
      FacesMessages.info("Coupon disabled: later bookings can't use it.");
      refresh();
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  static String clientId(String field) {
    return switch (field) {
      case "code", "discountType", "discountValue", "maxUsages" -> FORM + ":" + field;
      default -> null;
    };
  }

  public boolean isKnown() {
    return event != null;
  }

  public OwnedEvent getEvent() {
    return event;
  }

  public List<CouponView> getList() {
    return list;
  }

  public Long getEventId() {
    return eventId;
  }

  public void setEventId(Long eventId) {
    this.eventId = eventId;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getDiscountType() {
    return discountType;
  }

  public void setDiscountType(String discountType) {
    this.discountType = discountType;
  }

  public BigDecimal getDiscountValue() {
    return discountValue;
  }

  public void setDiscountValue(BigDecimal discountValue) {
    this.discountValue = discountValue;
  }

  public Integer getMaxUsages() {
    return maxUsages;
  }

  public void setMaxUsages(Integer maxUsages) {
    this.maxUsages = maxUsages;
  }
}
