package org.boxoffice.attendee;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.boxoffice.booking.boundary.BookingView;
import org.boxoffice.booking.boundary.Checkout;
import org.boxoffice.booking.entity.BookingStatus;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.events.boundary.EventView;
import org.boxoffice.events.boundary.TicketTypeView;
import org.boxoffice.events.entity.EventErrors;
import org.boxoffice.payments.entity.PaymentErrors;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.waitlist.boundary.WaitlistLedger;
import org.boxoffice.waitlist.boundary.WaitlistView;
import org.boxoffice.waitlist.boundary.Waitlists;

/**
 * {@code /waitlist/{entryId}}, the link of a waiting-list offer's email: the event, the ticket type
 * and the seats held, until when (in the event's time zone), and Claim or Decline. Claiming runs
 * the same service as {@code POST /waitlist/{id}/claim}: a free event's booking is confirmed at
 * once (its tickets are in the wallet), a paid one's is PENDING with its payment, and the page says
 * what that means. Not signed in: the wallet's sign-in, then back here. Anyone else's entry, an
 * unknown or malformed id: 404, as for the wallet's tickets.
 */
@Named
@ViewScoped
public class WaitlistOffer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where the page stands. */
  public enum Outcome {
    /** Nothing to show: no such entry for this attendee. */
    NOT_FOUND,
    /** Waiting in line, no offer yet. */
    WAITING,
    /** An open offer: Claim or Decline. */
    OFFERED,
    /** Claimed, from this page just now or earlier. */
    CLAIMED,
    /** Declined. */
    DECLINED,
    /** The offer ran out. */
    EXPIRED,
    /** The attendee left the line, or the organizer closed it. */
    OVER
  }

  @Inject AttendeeSession session;
  @Inject Waitlists waitlists;
  @Inject WaitlistLedger ledger;
  @Inject Catalog catalog;
  @Inject PageLocale pageLocale;
  @Inject Clock clock;

  private String id;
  private long entryId;
  private Outcome outcome = Outcome.NOT_FOUND;
  private WaitlistView entry;
  private EventView event;
  private BookingView booking;

  /** First request: sign-in when needed (then back here), else reads the entry and its event. */
  public void load() throws IOException {
    ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
    try {
      entryId = Long.parseLong(id);
    } catch (NumberFormatException malformed) {
      notFound();
      return;
    }
    if (!session.isSignedIn()) {
      session.returnTo("/waitlist/" + entryId);
      context.redirect(context.getRequestContextPath() + "/sign-in");
      return;
    }
    read();
  }

  /** Turns the offer into a booking, as {@code POST /waitlist/{id}/claim} does. */
  public String claim() throws IOException {
    if (signedOut()) {
      return null;
    }
    try {
      booking = waitlists.claim(entryId, session.userId());
      read();
    } catch (DomainException refused) {
      refusal(refused);
    }
    return null;
  }

  /** Declines the offer: its seats go to the next in line. */
  public String decline() throws IOException {
    if (signedOut()) {
      return null;
    }
    try {
      ledger.decline(entryId, session.userId());
      read();
    } catch (DomainException refused) {
      refusal(refused);
    }
    return null;
  }

  private boolean signedOut() throws IOException {
    if (session.isSignedIn()) {
      return false;
    }
    ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
    session.returnTo("/waitlist/" + entryId);
    context.redirect(context.getRequestContextPath() + "/sign-in");
    return true;
  }

  /** A refusal of the claim or decline, in the page's words; the entry as it stands now. */
  private void refusal(DomainException refused) {
    if (refused.kind() == DomainException.Kind.NOT_FOUND) {
      notFound();
      return;
    }
    Texts.fieldError(
        null,
        Texts.get(
            switch (refused.code()) {
              case EventErrors.EVENT_NOT_ON_SALE -> "offer.notOnSale";
              case PaymentErrors.PAYMENT_GATEWAY_UNAVAILABLE -> "offer.paymentDown";
              default -> "offer.notOpen";
            }));
    read();
  }

  private void read() {
    try {
      entry = waitlists.get(entryId, session.userId());
      event = catalog.event(entry.eventId(), session.userId());
    } catch (DomainException gone) {
      notFound();
      return;
    }
    outcome =
        switch (entry.status()) {
          case WAITING -> Outcome.WAITING;
          case OFFERED ->
              entry.offerExpiresAt().toInstant().isAfter(clock.instant())
                  ? Outcome.OFFERED
                  : Outcome.EXPIRED;
          case CLAIMED -> Outcome.CLAIMED;
          case DECLINED -> Outcome.DECLINED;
          case EXPIRED -> Outcome.EXPIRED;
          case LEFT, CLOSED -> Outcome.OVER;
        };
  }

  private void notFound() {
    outcome = Outcome.NOT_FOUND;
    entry = null;
    event = null;
    FacesContext.getCurrentInstance()
        .getExternalContext()
        .setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getEventTitle() {
    return event.title();
  }

  public long getEventId() {
    return event.id();
  }

  public String getLocation() {
    return event.location();
  }

  public String getTimeZone() {
    return event.timeZone();
  }

  public String getStarts() {
    return when(event.startDate().toInstant());
  }

  /** The ticket type whose seats are held. */
  public String getTier() {
    return event.ticketTypes().stream()
        .filter(tier -> tier.id() == entry.ticketTypeId())
        .map(TicketTypeView::name)
        .findFirst()
        .orElse("");
  }

  public int getQuantity() {
    return entry.quantity();
  }

  /** The seats held, in the page's language ("2 seats"). */
  public String getSeats() {
    return Texts.get("offer.seatCount", entry.quantity());
  }

  /** Until when the offer holds the seats, in the event's time zone; ISO for {@code <time>}. */
  public String getUntil() {
    return entry.offerExpiresAt() == null ? "" : when(entry.offerExpiresAt().toInstant());
  }

  public String getUntilIso() {
    return entry.offerExpiresAt() == null ? "" : zoned(entry.offerExpiresAt()).toString();
  }

  public Long getPosition() {
    return entry.position();
  }

  /** The booking this page's claim made, or null (claimed earlier, or not claimed). */
  public boolean isJustBooked() {
    return booking != null;
  }

  public boolean isConfirmed() {
    return booking != null && booking.status() == BookingStatus.CONFIRMED;
  }

  public boolean isPaymentDue() {
    return booking != null && booking.status() == BookingStatus.PENDING;
  }

  /** The booking's number as the API shows it (no digit grouping). */
  public String getBookingNumber() {
    return Long.toString(booking.id());
  }

  /** What the booking costs, in the locale's way of writing the event's currency. */
  public String getAmount() {
    return money(booking.finalAmount(), booking.currency());
  }

  /** Until when the unpaid booking holds the seats, in the event's time zone. */
  public String getPayBy() {
    return booking.expiresAt() == null ? "" : when(booking.expiresAt().toInstant());
  }

  public String getPaymentProvider() {
    return booking.payment() instanceof Checkout.PaymentDetails details ? details.provider() : "";
  }

  public String getPaymentReference() {
    return booking.payment() instanceof Checkout.PaymentDetails details
        ? details.paymentIntentId()
        : "";
  }

  private OffsetDateTime zoned(OffsetDateTime at) {
    return at.atZoneSameInstant(ZoneId.of(event.timeZone())).toOffsetDateTime();
  }

  private String when(Instant at) {
    Locale locale = pageLocale.getLocale();
    var local = at.atZone(ZoneId.of(event.timeZone()));
    return local.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale))
        + " "
        + local.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
  }

  private String money(BigDecimal amount, String currencyCode) {
    NumberFormat format = NumberFormat.getCurrencyInstance(pageLocale.getLocale());
    Currency currency = Currency.getInstance(currencyCode);
    format.setCurrency(currency);
    format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
    format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
    return format.format(amount);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
