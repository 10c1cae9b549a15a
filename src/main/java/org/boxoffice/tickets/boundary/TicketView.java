package org.boxoffice.tickets.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import org.boxoffice.tickets.entity.TicketStatus;

/** A ticket as its holder sees it; {@code qrCode} is the signed payload the QR image encodes. */
@JsonbNillable
@JsonbPropertyOrder({"id", "ticketNumber", "qrCode", "status", "checkedInAt"})
public record TicketView(
    long id, String ticketNumber, String qrCode, TicketStatus status, OffsetDateTime checkedInAt) {}
