package org.boxoffice.waitlist.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;

/**
 * The waiting demand of an event, for its organizer (a strong signal for adding capacity): whether
 * its lists take entries, how many people wait for how many seats, the open offers and their seats,
 * and the seats kept for the lists that no offer holds yet.
 */
@JsonbPropertyOrder({
  "open",
  "waitingEntries",
  "seatsWanted",
  "openOffers",
  "seatsOffered",
  "seatsKept"
})
public record WaitlistSummary(
    boolean open,
    long waitingEntries,
    long seatsWanted,
    long openOffers,
    long seatsOffered,
    long seatsKept)
    implements Serializable {}
