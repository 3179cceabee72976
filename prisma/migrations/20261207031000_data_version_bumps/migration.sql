-- CreateTable
CREATE TABLE "data_change_pending" (
    "txid" BIGINT NOT NULL,

    CONSTRAINT "data_change_pending_pkey" PRIMARY KEY ("txid")
);

-- ---- Hand-written (docs/decisions/046-light-pages-and-cached-figures.md) ----

-- Any statement on a table the figures are counted from notes its transaction (once; no shared row is locked).
CREATE FUNCTION data_change_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_change_pending (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- At commit (deferred), once per transaction: every province's data version moves on. The version row is the last
-- lock such a transaction takes, so two of them never wait for each other in a cycle.
CREATE FUNCTION data_change_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_version (province_id, version, updated_at)
    SELECT id, 1, now() FROM province
    ON CONFLICT (province_id) DO UPDATE SET version = data_version.version + 1, updated_at = now();
  DELETE FROM data_change_pending WHERE txid = NEW.txid;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER data_change_bump AFTER INSERT ON data_change_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_change_bump();

CREATE TRIGGER data_change_cadre AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cadre FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_assignment AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assignment FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_quota AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quota FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_quota_year AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quota_year FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_key_position_norm AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON key_position_norm FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_department_quota AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON department_quota FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_commune AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON commune FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_old_district AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON old_district FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_department AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON department FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_position AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON position FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_party_committee_seat AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON party_committee_seat FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_secondment AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON secondment FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_transfer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON transfer FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_vacancy AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON vacancy FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_province AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON province FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
