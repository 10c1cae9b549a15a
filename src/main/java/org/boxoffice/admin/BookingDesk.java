package org.boxoffice.admin;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.boxoffice.booking.boundary.Attendee;
import org.boxoffice.booking.boundary.BookingView;
import org.boxoffice.booking.boundary.Bookings;
import org.boxoffice.booking.boundary.OrganizerViews;
import org.boxoffice.booking.entity.BookingStatus;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.events.boundary.OwnedEvent;
import org.boxoffice.payments.boundary.PaymentLedger;
import org.boxoffice.payments.boundary.PaymentSummary;
import org.boxoffice.payments.boundary.Payments;
import org.boxoffice.payments.boundary.RefundRequest;
import org.boxoffice.payments.boundary.RefundView;
import org.boxoffice.payments.entity.PaymentErrors;
import org.boxoffice.platform.entity.DomainException;
import org.primefaces.model.LazyDataModel;

/**
 * The attendees and bookings of one event: a searchable lazy table, a booking's detail with its
 * payment, the organizer's cancel (seats and coupon use go back, a paid booking is refunded), a
 * refund in full or in part through the payments boundary ({@code POST /bookings/{id}/refund}'s
 * rules), and the CSV.
 */
@Named
@ViewScoped
public class BookingDesk implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String AMOUNT = "refund:amount";

  @Inject AdminSession session;
  @Inject Events events;
  @Inject OrganizerViews views;
  @Inject Bookings bookings;
  @Inject Payments payments;
  @Inject PaymentLedger paymentLedger;
  @Inject Validator validator;

  private Long eventId;
  private OwnedEvent event;
  private String search;
  private LazyDataModel<Attendee> attendees;
  private BookingView detail;
  private PaymentSummary payment;
  private BigDecimal refundAmount;

  /** {@code f:viewAction}: the event named by {@code ?event=}, if the organizer's. */
  public void load() {
    if (eventId == null) {
      FacesMessages.error("No event chosen");
      return;
    }
    try {
      event = events.requireOwned(eventId, session.userId());
      attendees =
          new AttendeeModel(
              views, eventId, session.userId(), (Supplier<String> & Serializable) this::getSearch);
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  public void show(long bookingId) {
    try {
      detail = views.booking(eventId, bookingId, session.userId());
      payment = paymentLedger.ofBooking(eventId, bookingId, session.userId()).orElse(null);
      refundAmount = null;
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  /** Cancels the booking as the event's organizer. */
  public void cancel(long bookingId) {
    try {
      bookings.cancel(bookingId, session.userId());
      show(bookingId);
      FacesMessages.info("Booking #" + bookingId + " cancelled: its seats are back on sale.");
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  /**
   * Refunds the amount typed in, of the booking shown: an amount under 0.01 or with more than two
   * decimals, and one beyond what is left to refund, are refused next to the field.
   */
  public void refundPart() {
    if (refundAmount == null) {
      FacesMessages.fieldError(AMOUNT, "enter the amount to refund");
      return;
    }
    var violations = validator.validate(new RefundRequest(refundAmount));
    if (!violations.isEmpty()) {
      FacesMessages.violations(violations, field -> AMOUNT);
      return;
    }
    refund(refundAmount);
  }

  /** Refunds all that is left of the booking shown: it becomes REFUNDED, its seats go back. */
  public void refundAll() {
    refund(null);
  }

  private void refund(BigDecimal amount) {
    if (detail == null) {
      FacesMessages.error("Choose a booking first");
      return;
    }
    long bookingId = detail.id();
    try {
      RefundView refund = payments.refund(bookingId, session.userId(), amount);
      show(bookingId);
      FacesMessages.info(
          "Refunded "
              + refund.amount().toPlainString()
              + " "
              + refund.currency()
              + " of booking #"
              + bookingId
              + switch (refund.status()) {
                case SUCCEEDED -> ".";
                case MANUAL ->
                    ": refund by hand. The attendee paid by ATM transfer or store code, which"
                        + " the payment provider can't refund: pay it back to them yourself.";
                case REQUESTED -> "; the payment provider will confirm it shortly.";
              }
              + " The booking is "
              + refund.bookingStatus()
              + ".");
    } catch (DomainException refusal) {
      if (PaymentErrors.REFUND_TOO_LARGE.equals(refusal.code())) {
        FacesMessages.fieldError(AMOUNT, refusal.getMessage());
      } else {
        FacesMessages.refused(refusal, field -> "amount".equals(field) ? AMOUNT : null);
      }
    }
  }

  /** True when the booking shown was paid and not all of it went back yet. */
  public boolean isRefundable() {
    return detail != null
        && detail.status() == BookingStatus.CONFIRMED
        && payment != null
        && payment.refundable().signum() > 0;
  }

  /**
   * Sends the attendees CSV, the same document as {@code GET /events/{id}/attendees?format=csv}.
   */
  public void exportCsv() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    byte[] csv = views.attendeesCsv(eventId, session.userId()).getBytes(StandardCharsets.UTF_8);
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType("text/csv; charset=utf-8");
    external.setResponseContentLength(csv.length);
    external.setResponseHeader(
        "Content-Disposition", "attachment; filename=\"event-" + eventId + "-attendees.csv\"");
    external.getResponseOutputStream().write(csv);
    faces.responseComplete();
  }

  public OwnedEvent getEvent() {
    return event;
  }

  public LazyDataModel<Attendee> getAttendees() {
    return attendees;
  }

  public BookingView getDetail() {
    return detail;
  }

  public PaymentSummary getPayment() {
    return payment;
  }

  public BigDecimal getRefundAmount() {
    return refundAmount;
  }

  public void setRefundAmount(BigDecimal refundAmount) {
    this.refundAmount = refundAmount;
  }

  public Long getEventId() {
    return eventId;
  }

  public void setEventId(Long eventId) {
    this.eventId = eventId;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }
}
