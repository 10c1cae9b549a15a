package org.boxoffice.webhooks.entity;

/** An endpoint is sent to while ENABLED; DISABLED by its organizer, or after failing too long. */
public enum EndpointStatus {
  ENABLED,
  DISABLED
}
