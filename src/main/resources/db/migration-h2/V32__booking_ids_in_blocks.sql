-- The embedded H2 default's twin of db/migration-postgresql/V32: booking ids from a sequence in
-- blocks of 50, starting past the bookings already there.
CREATE SEQUENCE booking_ids INCREMENT BY 50;
ALTER SEQUENCE booking_ids RESTART WITH (SELECT COALESCE(MAX(id), 0) + 50 FROM bookings);
