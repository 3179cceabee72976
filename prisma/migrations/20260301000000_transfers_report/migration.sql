-- CreateEnum
CREATE TYPE "TransferState" AS ENUM ('proposed', 'approved', 'declined', 'executed', 'cancelled');

-- CreateEnum
CREATE TYPE "TransferOpinion" AS ENUM ('agree', 'disagree');

-- CreateEnum
CREATE TYPE "TransferSource" AS ENUM ('manual', 'engine');

-- CreateTable
CREATE TABLE "transfer" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "from_commune_id" INTEGER NOT NULL,
    "to_commune_id" INTEGER NOT NULL,
    "from_assignment_id" INTEGER,
    "position_id" INTEGER NOT NULL,
    "block" "Block" NOT NULL,
    "cross_district" BOOLEAN NOT NULL,
    "effective_date" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "justification" TEXT,
    "source" "TransferSource" NOT NULL DEFAULT 'manual',
    "state" "TransferState" NOT NULL DEFAULT 'proposed',
    "from_opinion" "TransferOpinion",
    "from_opinion_note" TEXT,
    "from_opinion_at" TIMESTAMPTZ(3),
    "to_opinion" "TransferOpinion",
    "to_opinion_note" TEXT,
    "to_opinion_at" TIMESTAMPTZ(3),
    "decision_number" TEXT,
    "decision_date" DATE,
    "decided_by_id" INTEGER,
    "decline_reason" TEXT,
    "executed_on" DATE,
    "new_assignment_id" INTEGER,
    "cancel_reason" TEXT,
    "proposed_by_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_draft" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "document_number" TEXT,
    "recommendations" TEXT NOT NULL,
    "signer_title" TEXT,
    "signer_name" TEXT,
    "updated_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_draft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "transfer_province_id_state_idx" ON "transfer"("province_id", "state");

-- CreateIndex
CREATE INDEX "transfer_cadre_id_idx" ON "transfer"("cadre_id");

-- CreateIndex
CREATE INDEX "transfer_from_commune_id_idx" ON "transfer"("from_commune_id");

-- CreateIndex
CREATE INDEX "transfer_to_commune_id_idx" ON "transfer"("to_commune_id");

-- CreateIndex
CREATE UNIQUE INDEX "report_draft_province_id_key" ON "report_draft"("province_id");

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_from_commune_id_fkey" FOREIGN KEY ("from_commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_to_commune_id_fkey" FOREIGN KEY ("to_commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_draft" ADD CONSTRAINT "report_draft_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_draft" ADD CONSTRAINT "report_draft_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

