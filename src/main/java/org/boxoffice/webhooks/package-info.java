/**
 * Outgoing webhooks (issue 19): an organizer's endpoints hear about what happens in their events
 * (bookings confirmed, cancelled and refunded, tickets checked in, events updated and cancelled,
 * waiting-list offers made, run out and claimed, and lists closed), signed as the Standard Webhooks
 * specification says.
 *
 * <p>It owns its endpoints and deliveries and never touches another feature's tables: it observes
 * the CDI events other features fire inside the transactions of their causes, and writes a delivery
 * row there (an outbox), so a delivery exists if and only if its cause committed. The delivery job
 * claims due rows with SKIP LOCKED under a lease, sends outside any transaction with no lock held,
 * and settles each attempt in a short transaction of its own; a server killed mid-request leaves
 * its rows to be sent again after the lease. No request goes to a URL that the SSRF rules ({@code
 * control.Destinations}) refuse, checked at registration and before every attempt. The organizer of
 * an endpoint that keeps failing is told through the notifications feature's outbox. Settled
 * deliveries are deleted after the retention period by a batched sweep that any number of servers
 * may run at once.
 */
package org.boxoffice.webhooks;
