-- Booking ids come from a sequence that hands the server 50 at a time (JPA allocationSize 50):
-- a batch of bookings placed under one event lock is one batched INSERT, with no round trip for
-- each new id. The identity default stays for rows written by hand; the sequence starts past them.
CREATE SEQUENCE booking_ids INCREMENT BY 50;
SELECT setval('booking_ids', (SELECT COALESCE(MAX(id), 0) FROM bookings) + 50, false);
