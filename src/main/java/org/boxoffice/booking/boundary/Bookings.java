package org.boxoffice.booking.boundary;

import static org.boxoffice.booking.entity.BookingErrors.BOOKING_NOT_FOUND;
import static org.boxoffice.booking.entity.BookingErrors.IDEMPOTENCY_IN_PROGRESS;
import static org.boxoffice.booking.entity.BookingErrors.IDEMPOTENCY_KEY_REUSED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.boxoffice.booking.control.BookingSettings;
import org.boxoffice.booking.control.RequestFingerprint;
import org.boxoffice.booking.entity.Booking;
import org.boxoffice.booking.entity.BookingStatus;
import org.boxoffice.events.boundary.Availability;
import org.boxoffice.events.boundary.SeatInventory;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.events.entity.SoldOut;
import org.boxoffice.platform.boundary.ApiException;
import org.boxoffice.platform.boundary.Envelope;
import org.boxoffice.platform.boundary.ErrorResponses;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.control.Failures;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Bookings as the API sees them. Booking itself is: a sold-out refusal from this server's memory
 * when the seats are plainly gone (no transaction, no lock, no key stored), then, when an
 * Idempotency-Key is given, the key's claim (its own transaction), then the order's place in its
 * event's next batch ({@link BookingLanes}): one short transaction in {@link BookingLedger} that
 * also stores the key's answer, and for a paid booking its payment, opened after that commit.
 */
@ApplicationScoped
public class Bookings {
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Duration KEY_LIFETIME = Duration.ofHours(24);
  private static final Duration POLL = Duration.ofMillis(50);

  @PersistenceContext EntityManager em;
  @Inject BookingLedger ledger;
  @Inject BookingLanes lanes;
  @Inject HoldHorizon horizon;
  @Inject IdempotencyStore idempotency;
  @Inject SeatInventory inventory;
  @Inject Clock clock;
  @Inject Instance<Checkout> checkout;
  @Inject @ConfigProperties BookingSettings settings;

  /** The answer to a booking request: a new booking, or the stored answer to a repeated key. */
  public record Answer(BookingView booking, boolean replayed) {}

  /**
   * Books seats for the user. Without a key: the booking or a refusal. With a key: the first
   * request's answer (success or refusal) is stored and replayed for the same request; the same key
   * with another request is 422 IDEMPOTENCY_KEY_REUSED; a twin still running after the wait is 409
   * IDEMPOTENCY_IN_PROGRESS.
   */
  public Answer book(long userId, BookingRequest request, String idempotencyKey) {
    if (idempotencyKey == null) {
      refuseIfSoldOut(request);
      return new Answer(attempt(userId, request, null), false);
    }
    String hash =
        RequestFingerprint.of(
            "POST /bookings",
            String.valueOf(request.eventId()),
            request.ticketTypeId() == null ? null : String.valueOf(request.ticketTypeId()),
            String.valueOf(request.seats()),
            request.couponCode());
    Instant deadline = clock.instant().plusMillis(settings.idempotencyWaitMillis);
    while (true) {
      Optional<IdempotencyStore.Snapshot> stored = idempotency.find(userId, idempotencyKey);
      if (stored.isEmpty()) {
        // A refusal from memory is not worth a key: a retry with it is simply tried again.
        refuseIfSoldOut(request);
        // Look first, claim second: only truly simultaneous twins meet the unique index.
        Optional<Long> claimed = tryClaim(userId, idempotencyKey, hash);
        if (claimed.isPresent()) {
          return firstAnswer(userId, request, claimed.get());
        }
        stored = idempotency.find(userId, idempotencyKey);
      }
      if (stored.isPresent()) {
        IdempotencyStore.Snapshot record = stored.get();
        if (record.createdAt().isBefore(clock.instant().minus(KEY_LIFETIME))) {
          // An expired key the purge has not reached yet counts as unused.
          idempotency.forget(record.id());
          continue;
        }
        if (!record.requestHash().equals(hash)) {
          throw DomainException.refused(
              IDEMPOTENCY_KEY_REUSED,
              "This Idempotency-Key was used for another request; use a new key");
        }
        if (record.isComplete()) {
          return replay(record, userId);
        }
      }
      if (clock.instant().isAfter(deadline)) {
        throw DomainException.conflict(
            IDEMPOTENCY_IN_PROGRESS,
            "A request with this Idempotency-Key is still running; retry shortly");
      }
      pause();
    }
  }

  /** The user's own bookings, newest first. */
  @Transactional
  public Page<BookingView> list(long userId, int page, int size) {
    List<BookingView> items =
        em.createNamedQuery(Booking.OF_USER, Booking.class)
            .setParameter("userId", userId)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(BookingView::of)
            .toList();
    long total =
        em.createNamedQuery(Booking.COUNT_OF_USER, Long.class)
            .setParameter("userId", userId)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  /** One of the user's own bookings; 404 BOOKING_NOT_FOUND for anyone else's. */
  @Transactional
  public BookingView get(long bookingId, long userId) {
    Booking booking = em.find(Booking.class, bookingId);
    if (booking == null || booking.userId() != userId) {
      throw DomainException.notFound(BOOKING_NOT_FOUND, "No such booking");
    }
    return BookingView.of(booking);
  }

  /** See {@link BookingLedger#cancel}. */
  public BookingView cancel(long bookingId, long userId) {
    return ledger.cancel(bookingId, userId);
  }

  private BookingView attempt(long userId, BookingRequest request, Long idempotencyRecordId) {
    BookingView placed =
        lanes.place(new BookingOrder(userId, request, idempotencyRecordId)).bookingOrThrow();
    return withPayment(placed, userId, false);
  }

  /**
   * A booking placed by another feature's transaction (a claimed waiting-list offer), after that
   * transaction committed, with what the client needs to pay it: as {@code POST /bookings} answers.
   */
  public BookingView payable(BookingView booking, long userId) {
    return withPayment(booking, userId, false);
  }

  /**
   * A PENDING booking's answer carries its payment, opened after the hold's commit (the payment
   * provider is a network call, never made under its locks). A replayed answer gets the payment its
   * first request opened, or one opened now when that request never got that far.
   */
  private BookingView withPayment(BookingView booking, long userId, boolean replayed) {
    if (checkout.isUnsatisfied() || booking.status() != BookingStatus.PENDING) {
      return booking;
    }
    Checkout payments = checkout.get();
    return booking.withPayment(
        replayed ? payments.resume(booking, userId) : payments.open(booking, userId));
  }

  /**
   * Refuses at once, with no transaction and no lock, when this server's figures (at most the
   * live-figure window old) plainly lack the seats; unless the event may have overdue holds, which
   * the booking's batch gives back first.
   */
  private void refuseIfSoldOut(BookingRequest request) {
    Availability seats = inventory.peek(request.eventId(), request.ticketTypeId());
    int left = Math.min(seats.eventAvailable(), seats.tierAvailable());
    if (seats.eventStatus() == EventStatus.PUBLISHED
        && left < request.seats()
        && !horizon.mayHaveOverdue(request.eventId(), clock.instant())) {
      throw SoldOut.ofEvent(left);
    }
  }

  private Answer firstAnswer(long userId, BookingRequest request, long recordId) {
    Placement placement = lanes.place(new BookingOrder(userId, request, recordId));
    if (placement.failure() != null) {
      RuntimeException failure = placement.failure();
      if (failure instanceof DomainException refusal && ErrorResponses.statusOf(refusal) < 500) {
        if (!placement.answerStored()) {
          idempotency.complete(
              recordId,
              ErrorResponses.statusOf(refusal),
              JSONB.toJson(ErrorResponses.errorOf(refusal)),
              clock.instant());
        }
      } else {
        // Not an answer worth keeping (the database went away, a bug): a retry runs it afresh.
        idempotency.forget(recordId);
      }
      throw failure;
    }
    try {
      return new Answer(withPayment(placement.booking(), userId, false), false);
    } catch (DomainException unavailable) {
      // The payment could not be opened and the hold was given back: a retry runs afresh.
      idempotency.forget(recordId);
      throw unavailable;
    }
  }

  private Answer replay(IdempotencyStore.Snapshot record, long userId) {
    if (record.status() >= 400) {
      Envelope.Error error = JSONB.fromJson(record.body(), Envelope.Error.class);
      throw new ApiException(
          record.status(),
          error.code(),
          error.message(),
          error.details() == null ? List.of() : error.details());
    }
    return new Answer(
        withPayment(JSONB.fromJson(record.body(), BookingView.class), userId, true), true);
  }

  private Optional<Long> tryClaim(long userId, String key, String hash) {
    try {
      return Optional.of(idempotency.claim(userId, key, hash, clock.instant()));
    } catch (RuntimeException e) {
      boolean duplicate =
          Failures.find(e, SQLException.class)
              .map(sql -> "23505".equals(sql.getSQLState()))
              .orElse(false);
      if (!duplicate) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DomainException.conflict(IDEMPOTENCY_IN_PROGRESS, "Interrupted while waiting");
    }
  }
}
