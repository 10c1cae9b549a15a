-- Payment, ticket and outbox ids come from sequences that hand the server 50 at a time (JPA
-- allocationSize 50), as booking ids do since V32: a batch of paid bookings stores its payments in
-- one batched INSERT, and a batch of free bookings its tickets and confirmation emails, with no
-- `select lastval()` round trip for each new row. Rows written by hand take their ids from the
-- same sequence (the column default), so they never meet the server's blocks.
CREATE SEQUENCE payment_ids INCREMENT BY 50;
SELECT setval('payment_ids', (SELECT COALESCE(MAX(id), 0) FROM payments) + 50, false);
ALTER TABLE payments ALTER COLUMN id DROP IDENTITY;
ALTER TABLE payments ALTER COLUMN id SET DEFAULT nextval('payment_ids');
ALTER SEQUENCE payment_ids OWNED BY payments.id;

CREATE SEQUENCE ticket_ids INCREMENT BY 50;
SELECT setval('ticket_ids', (SELECT COALESCE(MAX(id), 0) FROM tickets) + 50, false);
ALTER TABLE tickets ALTER COLUMN id DROP IDENTITY;
ALTER TABLE tickets ALTER COLUMN id SET DEFAULT nextval('ticket_ids');
ALTER SEQUENCE ticket_ids OWNED BY tickets.id;

CREATE SEQUENCE outbox_ids INCREMENT BY 50;
SELECT setval('outbox_ids', (SELECT COALESCE(MAX(id), 0) FROM outbox) + 50, false);
ALTER TABLE outbox ALTER COLUMN id DROP IDENTITY;
ALTER TABLE outbox ALTER COLUMN id SET DEFAULT nextval('outbox_ids');
ALTER SEQUENCE outbox_ids OWNED BY outbox.id;
