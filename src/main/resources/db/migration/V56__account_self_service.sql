-- Account self-service (issue 18): a change of email address waits for the new address to be
-- confirmed. The one-time token sent there carries the address it confirms.
ALTER TABLE one_time_tokens ADD COLUMN new_email VARCHAR(254);
ALTER TABLE one_time_tokens DROP CONSTRAINT one_time_tokens_purpose_check;
ALTER TABLE one_time_tokens ADD CONSTRAINT one_time_tokens_purpose_check
    CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL'));
