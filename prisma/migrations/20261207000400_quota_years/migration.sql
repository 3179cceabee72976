-- Quota years (docs/decisions/027-quota-years-and-campaigns.md): a province's year of commune and
-- department quotas is a draft until Home Affairs confirms it, and only confirmed years count. The quota rows keep
-- their (unit, year) keys; this table says whether the year counts.

-- CreateEnum
CREATE TYPE "QuotaYearStatus" AS ENUM ('draft', 'confirmed');

-- CreateTable
CREATE TABLE "quota_year" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "QuotaYearStatus" NOT NULL DEFAULT 'confirmed',
    "copied_from" INTEGER,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),
    "confirmed_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "quota_year_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "quota_year_province_id_year_key" ON "quota_year"("province_id", "year");

-- AddForeignKey
ALTER TABLE "quota_year" ADD CONSTRAINT "quota_year_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota_year" ADD CONSTRAINT "quota_year_confirmed_by_id_fkey" FOREIGN KEY ("confirmed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (decision 004): a draft carries no confirmation; a confirmed year never goes back to draft.
ALTER TABLE "quota_year" ADD CONSTRAINT "quota_year_draft_unconfirmed"
  CHECK ("status" = 'confirmed' OR ("confirmed_at" IS NULL AND "confirmed_by_id" IS NULL));

CREATE FUNCTION quota_year_confirmed_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'confirmed' AND (NEW.status <> 'confirmed' OR NEW.year <> OLD.year OR NEW.province_id <> OLD.province_id) THEN
    RAISE EXCEPTION 'quota_year_confirmed_final: quota year % of province % is confirmed', OLD.year, OLD.province_id
      USING ERRCODE = '23514', CONSTRAINT = 'quota_year_confirmed_final';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER quota_year_confirmed_final BEFORE UPDATE ON "quota_year"
  FOR EACH ROW EXECUTE FUNCTION quota_year_confirmed_final();

-- Every year that has quota rows has its quota_year row: a year written by the import, the per-commune quota form or
-- the demo seed without being opened as a draft is registered as confirmed (it counts, as it did before this
-- table existed); a year opened as a draft already has its row, which stays a draft. Set-based, once per statement.
CREATE FUNCTION quota_year_register_commune() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO quota_year (province_id, year, status, confirmed_at)
  SELECT DISTINCT cm.province_id, n.year, 'confirmed'::"QuotaYearStatus", now()
    FROM new_rows n JOIN commune cm ON cm.id = n.commune_id
  ON CONFLICT (province_id, year) DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER quota_year_register_commune AFTER INSERT ON "quota"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quota_year_register_commune();

CREATE FUNCTION quota_year_register_department() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO quota_year (province_id, year, status, confirmed_at)
  SELECT DISTINCT d.province_id, n.year, 'confirmed'::"QuotaYearStatus", now()
    FROM new_rows n JOIN department d ON d.id = n.department_id
  ON CONFLICT (province_id, year) DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER quota_year_register_department AFTER INSERT ON "department_quota"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION quota_year_register_department();

-- The years already there were in force: confirmed (no confirming user; the migration's time).
INSERT INTO quota_year (province_id, year, status, confirmed_at)
SELECT province_id, year, 'confirmed'::"QuotaYearStatus", now() FROM (
  SELECT cm.province_id, q.year FROM quota q JOIN commune cm ON cm.id = q.commune_id
  UNION
  SELECT d.province_id, dq.year FROM department_quota dq JOIN department d ON d.id = dq.department_id
) AS years
ON CONFLICT (province_id, year) DO NOTHING;
