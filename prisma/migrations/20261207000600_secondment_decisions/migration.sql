-- Secondment placement and ending record the decision behind them (docs/decisions/023-decisions-and-effective-dates.md):
-- the placement's decision from its start date, the ending's from the day the cadre is back at the department.
-- Placements recorded before decisions keep NULL.

-- AlterEnum
ALTER TYPE "DecisionKind" ADD VALUE 'secondment' BEFORE 'other';

-- AlterTable
ALTER TABLE "secondment" ADD COLUMN     "decision_id" INTEGER,
ADD COLUMN     "end_decision_id" INTEGER;

-- AddForeignKey
ALTER TABLE "secondment" ADD CONSTRAINT "secondment_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment" ADD CONSTRAINT "secondment_end_decision_id_fkey" FOREIGN KEY ("end_decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
