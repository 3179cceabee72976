-- CreateEnum
CREATE TYPE "IssuingBodyKind" AS ENUM ('party', 'state');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('recruitment', 'appointment', 'election', 'designation', 'transfer', 'departure', 'dismissal', 'correction', 'other');

-- AlterTable
ALTER TABLE "cadre" ADD COLUMN     "left_decision_id" INTEGER;

-- AlterTable
ALTER TABLE "assignment" ADD COLUMN     "decision_id" INTEGER,
ADD COLUMN     "end_decision_id" INTEGER;

-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "affects_figures" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "backdated_reason" TEXT,
ADD COLUMN     "cancels_event_id" BIGINT,
ADD COLUMN     "decision_id" INTEGER,
ADD COLUMN     "effective_on" DATE,
ADD COLUMN     "recorded_on" DATE;

-- CreateTable
CREATE TABLE "issuing_body" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "commune_id" INTEGER,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "IssuingBodyKind" NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "issuing_body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "issuing_body_id" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "issuing_body_commune_id_idx" ON "issuing_body"("commune_id");

-- CreateIndex
CREATE UNIQUE INDEX "issuing_body_province_id_code_key" ON "issuing_body"("province_id", "code");

-- CreateIndex
CREATE INDEX "decision_province_id_date_idx" ON "decision"("province_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "decision_issuing_body_id_number_key" ON "decision"("issuing_body_id", "number");

-- AddForeignKey
ALTER TABLE "cadre" ADD CONSTRAINT "cadre_left_decision_id_fkey" FOREIGN KEY ("left_decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_end_decision_id_fkey" FOREIGN KEY ("end_decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuing_body" ADD CONSTRAINT "issuing_body_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuing_body" ADD CONSTRAINT "issuing_body_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_issuing_body_id_fkey" FOREIGN KEY ("issuing_body_id") REFERENCES "issuing_body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---- Hand-written (not in schema.prisma) -------------------------------------------------------------------
-- The catalogue of issuing bodies is defined once, here: each province gets its Party committee, Standing
-- Committee, Organizing Committee, People's Council, People's Committee and Department of Home Affairs; each
-- commune its Party committee, People's Council and People's Committee. Triggers create them with a new
-- province or commune (seed, import); the backfill below creates them for the units already there.
CREATE FUNCTION issuing_bodies_for_province(p_province integer) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO issuing_body (province_id, commune_id, code, name, kind, sort_order)
  SELECT p.id, NULL, b.code, b.prefix || p.name, b.kind::"IssuingBodyKind", b.sort_order
    FROM province p
   CROSS JOIN (VALUES ('TU', 'Tỉnh ủy ', 'party', 10), ('BTVTU', 'Ban Thường vụ Tỉnh ủy ', 'party', 20), ('BTCTU', 'Ban Tổ chức Tỉnh ủy ', 'party', 30),
                      ('HDND', 'Hội đồng nhân dân tỉnh ', 'state', 40), ('UBND', 'Ủy ban nhân dân tỉnh ', 'state', 50), ('SNV', 'Sở Nội vụ tỉnh ', 'state', 60))
         AS b(code, prefix, kind, sort_order)
   WHERE p.id = p_province
  ON CONFLICT (province_id, code) DO NOTHING
$fn$;

CREATE FUNCTION issuing_bodies_for_commune(p_commune integer) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO issuing_body (province_id, commune_id, code, name, kind, sort_order)
  SELECT c.province_id, c.id, b.code || '_' || c.code,
         b.prefix || CASE c.kind WHEN 'ward' THEN 'phường ' ELSE 'xã ' END || c.name, b.kind::"IssuingBodyKind", b.sort_order
    FROM commune c
   CROSS JOIN (VALUES ('DU', 'Đảng ủy ', 'party', 110), ('HDND', 'Hội đồng nhân dân ', 'state', 120), ('UBND', 'Ủy ban nhân dân ', 'state', 130))
         AS b(code, prefix, kind, sort_order)
   WHERE c.id = p_commune
  ON CONFLICT (province_id, code) DO NOTHING
$fn$;

CREATE FUNCTION issuing_bodies_on_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_TABLE_NAME = 'province' THEN
    PERFORM issuing_bodies_for_province(NEW.id);
  ELSE
    PERFORM issuing_bodies_for_commune(NEW.id);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER province_issuing_bodies AFTER INSERT ON province FOR EACH ROW EXECUTE FUNCTION issuing_bodies_on_insert();
CREATE TRIGGER commune_issuing_bodies AFTER INSERT ON commune FOR EACH ROW EXECUTE FUNCTION issuing_bodies_on_insert();

SELECT issuing_bodies_for_province(id) FROM province;
SELECT issuing_bodies_for_commune(id) FROM commune;

-- A decision is dated no later than the day it is recorded, and its number is written as on the paper.
ALTER TABLE decision ADD CONSTRAINT decision_number_not_blank CHECK (btrim(number) <> '');
