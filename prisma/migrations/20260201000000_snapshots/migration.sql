-- CreateEnum
CREATE TYPE "SnapshotSource" AS ENUM ('daily', 'on_demand', 'demo');

-- CreateTable
CREATE TABLE "province_snapshot" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "taken_on" DATE NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" "SnapshotSource" NOT NULL,
    "quota" INTEGER NOT NULL,
    "headcount" INTEGER NOT NULL,
    "difference" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "units_short" INTEGER NOT NULL,
    "units_key_gaps" INTEGER NOT NULL,
    "units_both" INTEGER NOT NULL,
    "key_vacancies" INTEGER NOT NULL,
    "party_front_quota" INTEGER NOT NULL,
    "party_front_headcount" INTEGER NOT NULL,
    "government_quota" INTEGER NOT NULL,
    "government_headcount" INTEGER NOT NULL,
    "secondment_year" INTEGER NOT NULL,
    "secondment_required" INTEGER NOT NULL,
    "secondment_listed" INTEGER NOT NULL,
    "secondment_approved" INTEGER NOT NULL,
    "secondment_placed" INTEGER NOT NULL,
    "detail" JSONB NOT NULL,
    "fingerprint" TEXT NOT NULL,

    CONSTRAINT "province_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "province_snapshot_province_id_taken_on_key" ON "province_snapshot"("province_id", "taken_on");

-- AddForeignKey
ALTER TABLE "province_snapshot" ADD CONSTRAINT "province_snapshot_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE CASCADE ON UPDATE CASCADE;

