-- pgbench: the database's own ceiling for one booking (lock the event, take a seat, insert).
\set id random(1, :events)
BEGIN;
SELECT available_seats FROM events WHERE id = :id FOR UPDATE;
UPDATE events SET available_seats = available_seats - 1 WHERE id = :id;
INSERT INTO bookings (event_id, quantity, created_at) VALUES (:id, 1, now());
COMMIT;
