-- DropIndex
DROP INDEX "province_snapshot_province_id_taken_on_key";

-- AlterTable
ALTER TABLE "province_snapshot" ADD COLUMN     "superseded_at" TIMESTAMPTZ(3),
ADD COLUMN     "supersedes_id" INTEGER;

-- CreateIndex
CREATE INDEX "province_snapshot_province_id_taken_on_idx" ON "province_snapshot"("province_id", "taken_on");


-- ---- Hand-written (not in schema.prisma) -------------------------------------------------------------------
-- One current snapshot per province and day; superseded rows stay beside their successor, never rewritten.
CREATE UNIQUE INDEX province_snapshot_current ON province_snapshot (province_id, taken_on) WHERE superseded_at IS NULL;
ALTER TABLE province_snapshot ADD CONSTRAINT province_snapshot_supersedes_fkey FOREIGN KEY (supersedes_id) REFERENCES province_snapshot (id) ON DELETE RESTRICT;
