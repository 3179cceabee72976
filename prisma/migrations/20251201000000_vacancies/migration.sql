-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('normal', 'urgent', 'critical');

-- CreateEnum
CREATE TYPE "VacancyStatus" AS ENUM ('open', 'closed');

-- CreateTable
CREATE TABLE "vacancy" (
    "id" SERIAL NOT NULL,
    "commune_id" INTEGER NOT NULL,
    "position_id" INTEGER,
    "field" TEXT,
    "count" INTEGER NOT NULL,
    "urgency" "Urgency" NOT NULL DEFAULT 'normal',
    "note" TEXT,
    "status" "VacancyStatus" NOT NULL DEFAULT 'open',
    "declared_by_id" INTEGER,
    "declared_on" DATE NOT NULL,
    "closed_on" DATE,
    "closed_by_id" INTEGER,
    "close_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vacancy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "vacancy_commune_id_status_idx" ON "vacancy"("commune_id", "status");

-- AddForeignKey
ALTER TABLE "vacancy" ADD CONSTRAINT "vacancy_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vacancy" ADD CONSTRAINT "vacancy_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: a need names a position or a field of expertise (or both), counts at least one, and a closed need
-- has a closing date.
ALTER TABLE vacancy ADD CONSTRAINT vacancy_what CHECK (position_id IS NOT NULL OR field IS NOT NULL);
ALTER TABLE vacancy ADD CONSTRAINT vacancy_count_positive CHECK (count BETWEEN 1 AND 999);
ALTER TABLE vacancy ADD CONSTRAINT vacancy_closed_consistent CHECK ((status = 'closed') = (closed_on IS NOT NULL));
