package org.boxoffice.demo.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.boxoffice.events.boundary.CreateEventRequest;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.events.boundary.TicketTypeRequest;
import org.boxoffice.identity.boundary.Accounts;
import org.boxoffice.identity.boundary.RegisterRequest;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.identity.entity.Role;
import org.boxoffice.platform.entity.DomainException;

/** Creates the demo accounts and events in one transaction: all of them, or none. */
@ApplicationScoped
public class DemoSeeder {
  public static final String ORGANIZER_EMAIL = "organizer@demo.boxoffice.test";
  public static final String ATTENDEE_EMAIL = "attendee@demo.boxoffice.test";

  @Inject Accounts accounts;
  @Inject Events events;
  @Inject Clock clock;

  /** Seeds and returns true, or returns false when the demo organizer already exists. */
  @Transactional
  public boolean seedOnce() {
    UserView organizer;
    try {
      organizer =
          accounts.createAccount(
              new RegisterRequest(
                  ORGANIZER_EMAIL, "demo-organizer-pass", "Demo", "Organizer", null),
              Role.ORGANIZER);
    } catch (DomainException alreadySeeded) {
      if (IdentityErrors.EMAIL_TAKEN.equals(alreadySeeded.code())) {
        return false;
      }
      throw alreadySeeded;
    }
    accounts.createAccount(
        new RegisterRequest(ATTENDEE_EMAIL, "demo-attendee-pass", "Demo", "Attendee", null),
        Role.ATTENDEE);
    ZoneId paris = ZoneId.of("Europe/Paris");
    OffsetDateTime base =
        clock.instant().atZone(paris).truncatedTo(ChronoUnit.DAYS).toOffsetDateTime();
    publish(
        organizer.id(),
        "Jazz at the Riverside",
        "An evening of modern jazz, three sets.",
        "Paris, Le Petit Journal",
        base.plusDays(14).plusHours(20),
        3,
        120,
        List.of(tier("Standard", "25.00", null), tier("Front row", "45.00", 20)));
    publish(
        organizer.id(),
        "Open Source Meetup",
        "Talks and pizza; free entry, registration required.",
        "Lyon, La Cordée",
        base.plusDays(21).plusHours(18),
        3,
        60,
        List.of(tier("Free entry", "0.00", null)));
    publish(
        organizer.id(),
        "Chamber Orchestra: Bach and Vivaldi",
        "The Four Seasons and the Brandenburg Concerto No. 3.",
        "Bordeaux, Grand Théâtre",
        base.plusDays(35).plusHours(19),
        2,
        300,
        List.of(tier("Stalls", "60.00", 200), tier("Balcony", "35.00", null)));
    publish(
        organizer.id(),
        "Kids' Science Workshop",
        "Hands-on experiments for 8 to 12 year olds.",
        "Paris, Cité des Sciences",
        base.plusDays(42).plusHours(10),
        2,
        30,
        List.of(tier("Child", "0.00", null), tier("Adult companion", "8.50", 15)));
    return true;
  }

  private void publish(
      long organizerId,
      String title,
      String description,
      String location,
      OffsetDateTime start,
      int hours,
      int capacity,
      List<TicketTypeRequest> tiers) {
    long id =
        events
            .create(
                organizerId,
                new CreateEventRequest(
                    title,
                    description,
                    location,
                    start,
                    start.plusHours(hours),
                    "Europe/Paris",
                    capacity,
                    "EUR",
                    tiers,
                    null))
            .id();
    events.publish(id, organizerId);
  }

  private static TicketTypeRequest tier(String name, String price, Integer quantity) {
    return new TicketTypeRequest(name, new BigDecimal(price), quantity, null, null, null);
  }
}
