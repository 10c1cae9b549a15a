package org.boxoffice.payments.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** What a client needs to pay a booking: {@code payment} of the {@code POST /bookings} answer. */
@JsonbPropertyOrder({"provider", "paymentIntentId", "clientSecret"})
public record PaymentDetails(String provider, String paymentIntentId, String clientSecret) {}
