package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.boxoffice.booking.boundary.Attendee;
import org.boxoffice.booking.boundary.OrganizerViews;
import org.boxoffice.booking.entity.BookingStatus;
import org.junit.jupiter.api.Test;

/**
 * The attendee table's search filters in memory and answers one page of the matches. The page is
 * kept in the view state, which the session store serializes at the end of the request.
 */
class AttendeeModelTest {

  /** 45 holders; "guest" matches all of them, "guest-7" only #7. */
  static class SeatedViews extends OrganizerViews {
    @Override
    public List<Attendee> allAttendees(long eventId, long organizerId) {
      return LongStream.rangeClosed(1, 45)
          .mapToObj(
              id ->
                  new Attendee(
                      id,
                      "Guest " + id,
                      "guest-" + id + "@example.test",
                      1,
                      BookingStatus.CONFIRMED,
                      false))
          .toList();
    }
  }

  @Test
  void a_searched_page_holds_only_its_matches_and_serializes() throws IOException {
    AttendeeModel model = new AttendeeModel(new SeatedViews(), 1, 2, () -> " GUEST ");

    List<Attendee> second = model.load(20, 20, Map.of(), Map.of());

    assertThat(second)
        .extracting(Attendee::bookingId)
        .containsExactlyElementsOf(LongStream.rangeClosed(21, 40).boxed().toList());
    assertThat(model.load(40, 20, Map.of(), Map.of())).hasSize(5);
    assertThat(model.count(Map.of())).isEqualTo(45);
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(second);
    }
  }

  @Test
  void a_search_for_one_address_finds_one() {
    AttendeeModel model = new AttendeeModel(new SeatedViews(), 1, 2, () -> "guest-7@");

    assertThat(model.load(0, 20, Map.of(), Map.of()))
        .extracting(Attendee::bookingId)
        .containsExactly(7L);
  }
}
