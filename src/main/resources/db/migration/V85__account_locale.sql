-- Attendee i18n (issue 18): the language an account's emails are written in, one of the tags
-- Boxoffice speaks (org.boxoffice.platform.entity.Languages). Chosen from Accept-Language at
-- registration, changed by PATCH /me; existing accounts keep English.
ALTER TABLE users ADD COLUMN locale VARCHAR(16) NOT NULL DEFAULT 'en';
