-- The audit log and the publication log are append-only for every role, the application's included.
CREATE OR REPLACE FUNCTION gk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION gk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION gk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER publication_log_append_only BEFORE UPDATE OR DELETE ON "publication_log" FOR EACH ROW EXECUTE FUNCTION gk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER publication_log_no_truncate BEFORE TRUNCATE ON "publication_log" FOR EACH STATEMENT EXECUTE FUNCTION gk_refuse_change();
