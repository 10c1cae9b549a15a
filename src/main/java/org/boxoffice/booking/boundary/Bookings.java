package org.boxoffice.booking.boundary;

import static org.boxoffice.booking.entity.BookingErrors.BOOKING_NOT_FOUND;
import static org.boxoffice.booking.entity.BookingErrors.IDEMPOTENCY_IN_PROGRESS;
import static org.boxoffice.booking.entity.BookingErrors.IDEMPOTENCY_KEY_REUSED;
import static org.boxoffice.booking.entity.BookingErrors.SOLD_OUT;

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
import org.boxoffice.booking.control.RequestFingerprint;
import org.boxoffice.booking.entity.Booking;
import org.boxoffice.events.boundary.Availability;
import org.boxoffice.events.boundary.SeatInventory;
import org.boxoffice.platform.boundary.ApiException;
import org.boxoffice.platform.boundary.Envelope;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.control.Failures;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bookings as the API sees them. Booking itself is: a cheap sold-out refusal without any lock,
 * then, when an Idempotency-Key is given, the key's claim (its own transaction), then one short
 * transaction in {@link BookingLedger}.
 */
@ApplicationScoped
public class Bookings {
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Duration KEY_LIFETIME = Duration.ofHours(24);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final String OVERDUE_HOLDS =
      "SELECT COUNT(b) FROM Booking b WHERE b.eventId = :eventId"
          + " AND b.status = org.boxoffice.booking.entity.BookingStatus.PENDING"
          + " AND b.expiresAt <= :now";

  @PersistenceContext EntityManager em;
  @Inject BookingLedger ledger;
  @Inject IdempotencyStore idempotency;
  @Inject SeatInventory inventory;
  @Inject Clock clock;
  @Inject Instance<Checkout> checkout;

  @Inject
  @ConfigProperty(name = "boxoffice.booking.idempotency.wait.millis", defaultValue = "10000")
  long idempotencyWaitMillis;

  /** The answer to a booking request: a new booking, or the stored answer to a repeated key. */
  public record Answer(int status, BookingView booking, String storedData, boolean replayed) {}

  /**
   * Books seats for the user. Without a key: the booking or a refusal. With a key: the first
   * request's answer (success or refusal) is stored and replayed for the same request; the same key
   * with another request is 422 IDEMPOTENCY_KEY_REUSED; a twin still running after the wait is 409
   * IDEMPOTENCY_IN_PROGRESS.
   */
  public Answer book(long userId, BookingRequest request, String idempotencyKey) {
    if (idempotencyKey == null) {
      return new Answer(201, attempt(userId, request, null), null, false);
    }
    String hash =
        RequestFingerprint.of(
            "POST /bookings",
            String.valueOf(request.eventId()),
            request.ticketTypeId() == null ? null : String.valueOf(request.ticketTypeId()),
            String.valueOf(request.seats()),
            request.couponCode());
    Instant deadline = clock.instant().plusMillis(idempotencyWaitMillis);
    while (true) {
      Optional<IdempotencyStore.Snapshot> stored = idempotency.find(userId, idempotencyKey);
      if (stored.isEmpty()) {
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
          throw ApiException.unprocessable(
              IDEMPOTENCY_KEY_REUSED,
              "This Idempotency-Key was used for another request; use a new key");
        }
        if (record.isComplete()) {
          return replay(record);
        }
      }
      if (clock.instant().isAfter(deadline)) {
        throw ApiException.conflict(
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
      throw ApiException.notFound(BOOKING_NOT_FOUND, "No such booking");
    }
    return BookingView.of(booking);
  }

  /** See {@link BookingLedger#cancel}. */
  public BookingView cancel(long bookingId, long userId) {
    return ledger.cancel(bookingId, userId);
  }

  private BookingView attempt(long userId, BookingRequest request, Long idempotencyRecordId) {
    refuseIfSoldOut(request);
    if (checkout.isUnsatisfied()) {
      return ledger.place(userId, request, idempotencyRecordId);
    }
    // The answer to a paid booking includes its payment, known only after the hold's commit (the
    // payment provider is a network call, never made under its locks): the key's record is
    // completed with that full answer afterwards, and twins wait for it meanwhile.
    BookingView placed = ledger.place(userId, request, null);
    BookingView answer =
        "PENDING".equals(placed.status())
            ? placed.withPayment(checkout.get().open(placed, userId))
            : placed;
    if (idempotencyRecordId != null) {
      idempotency.complete(idempotencyRecordId, 201, JSONB.toJson(answer), clock.instant());
    }
    return answer;
  }

  /**
   * Refuses at once, with no transaction and no lock, when the seats are plainly gone; unless the
   * event has overdue holds, which the booking's transaction would give back first.
   */
  private void refuseIfSoldOut(BookingRequest request) {
    Availability seats = inventory.peek(request.eventId(), request.ticketTypeId());
    int left = Math.min(seats.eventAvailable(), seats.tierAvailable());
    if (!"PUBLISHED".equals(seats.eventStatus()) || left >= request.seats()) {
      return;
    }
    long overdue =
        em.createQuery(OVERDUE_HOLDS, Long.class)
            .setParameter("eventId", request.eventId())
            .setParameter("now", clock.instant())
            .getSingleResult();
    if (overdue == 0) {
      throw new ApiException(
          409,
          SOLD_OUT,
          left == 0 ? "Sold out" : "Only " + left + " seats left",
          List.of(new Envelope.FieldError("quantity", "must be at most " + left)));
    }
  }

  private Answer firstAnswer(long userId, BookingRequest request, long recordId) {
    try {
      return new Answer(201, attempt(userId, request, recordId), null, false);
    } catch (ApiException refusal) {
      if (refusal.status() >= 500) {
        // A dependency was down (the hold was given back): a retry with this key runs afresh.
        idempotency.forget(recordId);
        throw refusal;
      }
      Envelope.Error error =
          new Envelope.Error(refusal.code(), refusal.getMessage(), refusal.details());
      idempotency.complete(recordId, refusal.status(), JSONB.toJson(error), clock.instant());
      throw refusal;
    } catch (RuntimeException unexpected) {
      // Not an answer worth keeping (the database went away, a bug): let a retry run it again.
      idempotency.forget(recordId);
      throw unexpected;
    }
  }

  private Answer replay(IdempotencyStore.Snapshot record) {
    if (record.status() >= 400) {
      Envelope.Error error = JSONB.fromJson(record.body(), Envelope.Error.class);
      throw new ApiException(
          record.status(),
          error.code(),
          error.message(),
          error.details() == null ? List.of() : error.details());
    }
    return new Answer(record.status(), null, record.body(), true);
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
      throw ApiException.conflict(IDEMPOTENCY_IN_PROGRESS, "Interrupted while waiting");
    }
  }
}
