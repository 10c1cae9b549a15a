package org.boxoffice.booking.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Seats and revenue of the CONFIRMED bookings made on one day (UTC), for the sales chart. */
public record DailySales(LocalDate day, long seats, BigDecimal revenue) {}
