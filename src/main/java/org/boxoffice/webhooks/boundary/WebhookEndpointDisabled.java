package org.boxoffice.webhooks.boundary;

/**
 * CDI event fired synchronously inside the transaction that disabled an endpoint after it kept
 * failing; the notifications feature queues the email to its organizer in that transaction.
 */
public record WebhookEndpointDisabled(
    long endpointId, long organizerId, String url, int failures, String lastError) {}
