-- Ticket types are listed in the order the organizer added them, not in the order the database
-- happened to hand out their ids (tiers inserted in one transaction may get ids in any order).
ALTER TABLE ticket_types ADD COLUMN display_order INTEGER NOT NULL DEFAULT 0;

UPDATE ticket_types t
   SET display_order = (SELECT COUNT(*) FROM ticket_types o WHERE o.event_id = t.event_id AND o.id < t.id);
