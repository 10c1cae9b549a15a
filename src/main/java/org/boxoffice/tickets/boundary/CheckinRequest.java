package org.boxoffice.tickets.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /checkins}: the payload read from a ticket's QR code. */
public record CheckinRequest(@NotBlank @Size(max = 200) String code) {}
