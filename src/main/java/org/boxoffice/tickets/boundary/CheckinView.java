package org.boxoffice.tickets.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/** A ticket just checked in. */
@JsonbPropertyOrder({"ticketNumber", "attendeeName", "checkedInAt"})
public record CheckinView(String ticketNumber, String attendeeName, OffsetDateTime checkedInAt) {}
