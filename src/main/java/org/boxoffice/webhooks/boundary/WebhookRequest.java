package org.boxoffice.webhooks.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /webhooks}: where to send, what about ({@code eventTypes}, e.g. {@code
 * booking.confirmed}), and for one event ({@code eventId}) or all of the organizer's (left out).
 */
public record WebhookRequest(
    @NotBlank @Size(max = 2000) String url,
    @Size(max = 200) String description,
    @Positive Long eventId,
    @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> eventTypes) {}
