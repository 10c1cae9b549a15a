-- OpenID Connect sign-in (issue 15): an ID token a client hands in (POST /auth/oidc/{provider},
-- POST /me/identities/{provider}) is good for one sign-in or link. Its SHA-256 is kept until it
-- expires; the primary key makes the first use win across every replica. The token itself is not
-- kept.
CREATE TABLE used_id_tokens (
    token_sha256 CHAR(64)     PRIMARY KEY,
    provider     VARCHAR(40)  NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX used_id_tokens_expires_at ON used_id_tokens (expires_at);
