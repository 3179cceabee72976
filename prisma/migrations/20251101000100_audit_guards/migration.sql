-- Hand-written (see docs/decisions/004). The audit trail is append-only in the database itself:
-- UPDATE, DELETE and TRUNCATE raise, whoever asks. Tests never truncate it, they use fresh databases.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- A role's scope: a commune chairman has exactly a commune, a department officer exactly a department,
-- every other role neither.
ALTER TABLE app_user ADD CONSTRAINT app_user_scope CHECK (
  (role = 'commune_chairman' AND commune_id IS NOT NULL AND department_id IS NULL) OR
  (role = 'department_officer' AND department_id IS NOT NULL AND commune_id IS NULL) OR
  (role NOT IN ('commune_chairman', 'department_officer') AND commune_id IS NULL AND department_id IS NULL));

-- Usernames are compared case-insensitively.
CREATE UNIQUE INDEX app_user_username_lower_key ON app_user (lower(username));
