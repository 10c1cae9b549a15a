-- PostgreSQL only (db/migration-postgresql, added to Flyway's locations on PostgreSQL): the
-- database itself keeps audit_log append-only. Whatever code or SQL injection runs with the
-- application's role, an UPDATE, DELETE or TRUNCATE of the trail fails. Changing that needs DDL
-- (dropping the triggers), which production should not grant the application role at run time.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
