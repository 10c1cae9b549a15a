-- RFC 6238 section 5.2: a TOTP code is accepted once. The last accepted time step is kept per
-- account; a code of that step or an earlier one is refused as a replay.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
