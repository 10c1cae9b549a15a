-- The catalog lists published events soonest first (status, start_date); the organizer's own list
-- goes by organizer_id; date-range look-ups and the default "from now" go by start_date.
CREATE INDEX events_start_date_idx ON events (start_date);
CREATE INDEX events_organizer_id_idx ON events (organizer_id);
CREATE INDEX events_status_start_date_idx ON events (status, start_date);
