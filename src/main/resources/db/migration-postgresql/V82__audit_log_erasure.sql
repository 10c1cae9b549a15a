-- PostgreSQL only. The audit trail stays append-only, with one exception: an account's erasure
-- (issue 19) may replace the person's address (actor_email) and a detail naming them, and nothing
-- else of an entry, in the transaction that recorded the erasure in account_erasures (erased_at
-- is that transaction's start, now()). DELETE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND NEW.id = OLD.id
        AND NEW.occurred_at = OLD.occurred_at
        AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
        AND NEW.action = OLD.action
        AND NEW.resource_type IS NOT DISTINCT FROM OLD.resource_type
        AND NEW.resource_id IS NOT DISTINCT FROM OLD.resource_id
        AND NEW.ip IS NOT DISTINCT FROM OLD.ip
        AND NEW.correlation_id IS NOT DISTINCT FROM OLD.correlation_id
        AND EXISTS (SELECT 1 FROM account_erasures WHERE erased_at = now())
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
