-- The embedded H2 default's twin of db/migration-postgresql/V96: payment, ticket and outbox ids
-- from sequences in blocks of 50, starting past the rows already there, also for rows written by
-- hand (the column default).
CREATE SEQUENCE payment_ids INCREMENT BY 50;
ALTER SEQUENCE payment_ids RESTART WITH (SELECT COALESCE(MAX(id), 0) + 50 FROM payments);
ALTER TABLE payments ALTER COLUMN id DROP IDENTITY;
ALTER TABLE payments ALTER COLUMN id SET DEFAULT nextval('payment_ids');

CREATE SEQUENCE ticket_ids INCREMENT BY 50;
ALTER SEQUENCE ticket_ids RESTART WITH (SELECT COALESCE(MAX(id), 0) + 50 FROM tickets);
ALTER TABLE tickets ALTER COLUMN id DROP IDENTITY;
ALTER TABLE tickets ALTER COLUMN id SET DEFAULT nextval('ticket_ids');

CREATE SEQUENCE outbox_ids INCREMENT BY 50;
ALTER SEQUENCE outbox_ids RESTART WITH (SELECT COALESCE(MAX(id), 0) + 50 FROM outbox);
ALTER TABLE outbox ALTER COLUMN id DROP IDENTITY;
ALTER TABLE outbox ALTER COLUMN id SET DEFAULT nextval('outbox_ids');
