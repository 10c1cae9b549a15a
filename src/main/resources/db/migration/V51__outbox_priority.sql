-- Issue 22: account emails (verification, password reset) and waiting-list offers go before a
-- backlog of confirmations. 0 = urgent, 1 = normal; senders claim by (priority, id), so the index
-- serves the claim's order directly (and the backlog's count by status).
ALTER TABLE outbox ADD COLUMN priority SMALLINT NOT NULL DEFAULT 1;
UPDATE outbox SET priority = 0 WHERE kind LIKE 'account-%' AND status = 'QUEUED';
DROP INDEX outbox_due_idx;
CREATE INDEX outbox_queue_idx ON outbox (status, priority, id);
