package org.boxoffice.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.DomainException.Kind;
import org.boxoffice.platform.entity.FieldDetail;
import org.junit.jupiter.api.Test;

/** The one mapper from domain refusals to HTTP: the kind picks the status, nothing else changes. */
class ErrorResponsesTest {
  @Test
  void every_kind_is_answered_with_its_status() {
    Map<Kind, Integer> expected = new EnumMap<>(Kind.class);
    expected.put(Kind.INVALID, 400);
    expected.put(Kind.UNAUTHENTICATED, 401);
    expected.put(Kind.NOT_FOUND, 404);
    expected.put(Kind.CONFLICT, 409);
    expected.put(Kind.REFUSED, 422);
    expected.put(Kind.UNAVAILABLE, 503);
    assertThat(expected).containsOnlyKeys(Kind.values());
    expected.forEach(
        (kind, status) ->
            assertThat(ErrorResponses.statusOf(new DomainException(kind, "SOME_CODE", "Why")))
                .as(kind.name())
                .isEqualTo(status));
  }

  @Test
  void the_error_keeps_code_message_and_details_in_order() {
    DomainException soldOut =
        new DomainException(
            Kind.CONFLICT,
            "SOLD_OUT",
            "Only 2 seats left",
            List.of(
                new FieldDetail("quantity", "must be at most 2"),
                new FieldDetail("ticketTypeId", "is sold out")));

    Envelope.Error error = ErrorResponses.errorOf(soldOut);

    assertThat(error.code()).isEqualTo("SOLD_OUT");
    assertThat(error.message()).isEqualTo("Only 2 seats left");
    assertThat(error.details())
        .containsExactly(
            new Envelope.FieldError("quantity", "must be at most 2"),
            new Envelope.FieldError("ticketTypeId", "is sold out"));
  }

  @Test
  void an_invalid_field_is_VALIDATION_FAILED_with_one_detail() {
    DomainException invalid = DomainException.invalid("endDate", "must be after startDate");

    assertThat(ErrorResponses.statusOf(invalid)).isEqualTo(400);
    assertThat(ErrorResponses.errorOf(invalid))
        .isEqualTo(
            new Envelope.Error(
                ErrorCodes.VALIDATION_FAILED,
                "The request is invalid",
                List.of(new Envelope.FieldError("endDate", "must be after startDate"))));
  }

  @Test
  void no_details_is_an_empty_list_not_null() {
    assertThat(ErrorResponses.errorOf(DomainException.notFound("EVENT_NOT_FOUND", "No such event")))
        .isEqualTo(new Envelope.Error("EVENT_NOT_FOUND", "No such event", List.of()));
  }

  @Test
  void an_api_exception_is_answered_with_its_own_status() {
    ApiException limited = new RateLimitedException("Too many attempts", 1500);
    ApiException replayed =
        new ApiException(
            422,
            "COUPON_EXPIRED",
            "This coupon has expired",
            List.of(new Envelope.FieldError("a", "b")));

    assertThat(ErrorResponses.statusOf(limited)).isEqualTo(429);
    assertThat(ErrorResponses.statusOf(replayed)).isEqualTo(422);
    assertThat(replayed.kind()).isEqualTo(Kind.REFUSED);
    assertThat(ErrorResponses.errorOf(replayed).details())
        .containsExactly(new Envelope.FieldError("a", "b"));
  }
}
