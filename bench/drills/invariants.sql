-- Invariants every fault drill checks afterwards (bench/drills/run.sh). One line per invariant,
-- starting with PASS or FAIL, then the figures behind it.
--
--   psql -X -q -At -v ids_file=/path/to/ids.txt -f bench/drills/invariants.sql <database>
--
-- ids_file: the id of every booking the API answered with 2xx, one per line (the load
-- generator's ids.txt, all drills of the run together). It is read by the server (COPY FROM a
-- file: psql does not expand variables in \copy), so it must be readable by the PostgreSQL server's
-- OS user on the same machine, as it is for the drills' own throw-away cluster.

CREATE TEMP TABLE drill_answered (id BIGINT NOT NULL);
COPY drill_answered (id) FROM :'ids_file';

-- 1. Never oversold: per event, seats sold (CONFIRMED) + held (PENDING) <= capacity, and the
--    event's own counter agrees with its bookings (capacity - available_seats = sold + held).
WITH taken AS (
    SELECT e.id, e.capacity, e.available_seats,
           COALESCE(SUM(b.quantity) FILTER (WHERE b.status IN ('PENDING', 'CONFIRMED')), 0) AS seats
    FROM events e LEFT JOIN bookings b ON b.event_id = e.id
    GROUP BY e.id, e.capacity, e.available_seats)
SELECT CASE WHEN count(*) FILTER (WHERE seats > capacity) = 0
                 AND count(*) FILTER (WHERE capacity - available_seats <> seats) = 0
            THEN 'PASS' ELSE 'FAIL' END
       || ' oversold: events oversold=' || count(*) FILTER (WHERE seats > capacity)
       || ' seat-counter mismatches=' || count(*) FILTER (WHERE capacity - available_seats <> seats)
       || ' (events=' || count(*) || ', seats sold+held=' || COALESCE(SUM(seats), 0) || ')'
FROM taken;

-- 2. Every booking the API answered 2xx is in the database.
SELECT CASE WHEN count(*) FILTER (WHERE b.id IS NULL) = 0 AND count(*) > 0
            THEN 'PASS' ELSE 'FAIL' END
       || ' answered-in-db: 2xx answers=' || count(*)
       || ' missing from bookings=' || count(*) FILTER (WHERE b.id IS NULL)
FROM drill_answered a LEFT JOIN bookings b ON b.id = a.id;

-- 3. Every CONFIRMED booking has exactly its tickets (one VALID ticket per seat) and exactly one
--    confirmation email, SENT (delivered to the SMTP server) or QUEUED (still to be retried).
WITH confirmed AS (
    SELECT b.id, b.quantity,
           (SELECT count(*) FROM tickets t WHERE t.booking_id = b.id) AS tickets,
           (SELECT count(*) FROM tickets t WHERE t.booking_id = b.id AND t.status = 'VALID') AS valid,
           (SELECT count(*) FROM outbox o WHERE o.booking_id = b.id AND o.kind = 'confirmation'
                AND o.status IN ('SENT', 'QUEUED')) AS emails,
           (SELECT count(*) FROM outbox o WHERE o.booking_id = b.id AND o.kind = 'confirmation'
                AND o.status = 'SENT') AS sent
    FROM bookings b WHERE b.status = 'CONFIRMED')
SELECT CASE WHEN count(*) FILTER (WHERE tickets <> quantity OR valid <> quantity) = 0
                 AND count(*) FILTER (WHERE emails <> 1) = 0
            THEN 'PASS' ELSE 'FAIL' END
       || ' confirmed-complete: confirmed=' || count(*)
       || ' wrong ticket count=' || count(*) FILTER (WHERE tickets <> quantity OR valid <> quantity)
       || ' not exactly one email=' || count(*) FILTER (WHERE emails <> 1)
       || ' (emails sent=' || COALESCE(SUM(sent), 0)
       || ', queued=' || COALESCE(SUM(emails - sent), 0) || ')'
FROM confirmed;

-- 4. No ticket without a paid or free booking: every ticket belongs to a booking; a VALID ticket's
--    booking is CONFIRMED and either free (final amount 0) or paid (payment SUCCEEDED).
WITH orphan AS (
    SELECT t.id
    FROM tickets t LEFT JOIN bookings b ON b.id = t.booking_id
                   LEFT JOIN payments p ON p.booking_id = b.id
    WHERE b.id IS NULL
       OR (t.status = 'VALID'
           AND (b.status <> 'CONFIRMED'
                OR (b.final_amount > 0 AND (p.id IS NULL OR p.status <> 'SUCCEEDED')))))
SELECT CASE WHEN count(*) = 0 THEN 'PASS' ELSE 'FAIL' END
       || ' tickets-backed: tickets without a paid or free booking=' || count(*)
       || ' (tickets=' || (SELECT count(*) FROM tickets) || ')'
FROM orphan;

-- 5. Coupon uses = bookings holding the coupon (PENDING or CONFIRMED; cancelled, expired and
--    refunded bookings give their use back).
WITH uses AS (
    SELECT c.id, c.current_usages,
           (SELECT count(*) FROM bookings b
             WHERE b.coupon_id = c.id AND b.status IN ('PENDING', 'CONFIRMED')) AS bookings
    FROM coupons c)
SELECT CASE WHEN count(*) FILTER (WHERE current_usages <> bookings) = 0
            THEN 'PASS' ELSE 'FAIL' END
       || ' coupon-uses: coupons=' || count(*)
       || ' mismatched=' || count(*) FILTER (WHERE current_usages <> bookings)
       || ' (uses=' || COALESCE(SUM(current_usages), 0)
       || ', bookings with coupon=' || COALESCE(SUM(bookings), 0) || ')'
FROM uses;
