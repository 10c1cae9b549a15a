package org.boxoffice.webhooks.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code PATCH /webhooks/{id}}: any of the URL, description and event types; {@code enabled: true}
 * turns a disabled endpoint back on (its count of failures starts over), {@code false} pauses it
 * (its deliveries wait, they are not given up).
 */
public record WebhookChange(
    @Size(min = 1, max = 2000) String url,
    @Size(max = 200) String description,
    @Size(min = 1, max = 20) List<@NotBlank @Size(max = 40) String> eventTypes,
    Boolean enabled) {}
