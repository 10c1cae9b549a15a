package org.boxoffice.webhooks.entity;

/** The error codes outgoing webhooks answer with (docs/API-EXTENSIONS.md). */
public final class WebhookErrors {
  /** 404: no such endpoint, or not the caller's. */
  public static final String WEBHOOK_NOT_FOUND = "WEBHOOK_NOT_FOUND";

  /** 404: no such delivery of this endpoint. */
  public static final String WEBHOOK_DELIVERY_NOT_FOUND = "WEBHOOK_DELIVERY_NOT_FOUND";

  /**
   * 422: the URL is not one webhooks may go to (the SSRF rules), with the reason on {@code url}.
   */
  public static final String WEBHOOK_URL_REFUSED = "WEBHOOK_URL_REFUSED";

  /** 409: the organizer already has this many endpoints. */
  public static final String WEBHOOK_LIMIT_REACHED = "WEBHOOK_LIMIT_REACHED";

  private WebhookErrors() {}
}
