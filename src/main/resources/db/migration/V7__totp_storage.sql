-- RFC 6238 section 5.2: a TOTP code is accepted once. The last accepted time step is kept per
-- account; a code of that step or an earlier one is refused as a replay.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- TOTP secrets are stored sealed with AES-256-GCM (identity's TotpSecrets): "v1:" and the base64
-- of nonce, ciphertext and tag, about 84 characters for a 160-bit secret. Rows written in clear
-- before are sealed at their next use.
ALTER TABLE users ALTER COLUMN totp_secret SET DATA TYPE VARCHAR(200);
