-- ECPay (issue 20): what its notifications tell about a payment, its reconciliation clock, and
-- refunds the organizer makes by hand (ATM transfers and store codes can't be refunded through
-- ECPay's API).
ALTER TABLE payments ADD COLUMN gateway_trade_no VARCHAR(40);
ALTER TABLE payments ADD COLUMN payment_method VARCHAR(40);
-- When ECPay was last asked about an unpaid payment (QueryTradeInfo), so replicas share the work.
ALTER TABLE payments ADD COLUMN reconciled_at TIMESTAMP WITH TIME ZONE;

-- (No partial index: the same script runs on the embedded H2 database.)
CREATE INDEX payments_unpaid_by_provider ON payments (provider, status, reconciled_at);

ALTER TABLE refunds DROP CONSTRAINT refunds_status_check;
ALTER TABLE refunds ADD CONSTRAINT refunds_status_check
    CHECK (status IN ('REQUESTED', 'SUCCEEDED', 'MANUAL'));
