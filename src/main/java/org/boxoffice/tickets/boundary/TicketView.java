package org.boxoffice.tickets.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/** A ticket as its holder sees it; {@code qrCode} is the signed payload the QR image encodes. */
@JsonbNillable
@JsonbPropertyOrder({"id", "ticketNumber", "qrCode", "status", "checkedInAt"})
public record TicketView(
    long id, String ticketNumber, String qrCode, String status, OffsetDateTime checkedInAt) {}
