-- Verification and reset emails now go through the notifications outbox (queued in the
-- transaction that issues their token), so the stand-in table of V4 has no reader or writer left.
DROP TABLE pending_emails;
