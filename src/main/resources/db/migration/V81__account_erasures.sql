-- Personal-data erasure (issue 19): one row per erased account, written in the erasure's own
-- transaction. It records when an account was erased (nothing about the person), and lets the
-- audit trail's trigger (PostgreSQL, V82) tell an erasure's pseudonymisation from any other change.
CREATE TABLE account_erasures (
    user_id    BIGINT NOT NULL PRIMARY KEY REFERENCES users (id),
    erased_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
