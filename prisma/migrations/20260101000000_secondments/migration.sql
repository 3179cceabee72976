-- CreateEnum
CREATE TYPE "SecondmentListState" AS ENUM ('draft', 'submitted', 'returned', 'forwarded', 'decided');

-- CreateEnum
CREATE TYPE "SecondmentCandidateState" AS ENUM ('proposed', 'meets', 'does_not_meet', 'forwarded', 'approved', 'declined', 'placed', 'ended');

-- CreateEnum
CREATE TYPE "PostKind" AS ENUM ('secondment', 'assignment', 'reinforcement');

-- CreateTable
CREATE TABLE "secondment_phase" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "due_date" DATE NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "secondment_phase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "secondment_list" (
    "id" SERIAL NOT NULL,
    "phase_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    "state" "SecondmentListState" NOT NULL DEFAULT 'draft',
    "justification" TEXT,
    "submitted_on" DATE,
    "round" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "secondment_list_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conclusion" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conclusion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "secondment_candidate" (
    "id" SERIAL NOT NULL,
    "list_id" INTEGER NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "kind" "PostKind" NOT NULL,
    "field" TEXT,
    "preferred_commune_id" INTEGER,
    "state" "SecondmentCandidateState" NOT NULL DEFAULT 'proposed',
    "assessment_reason" TEXT,
    "decision_reason" TEXT,
    "conclusion_id" INTEGER,
    "holds_cadre" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "secondment_candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "secondment" (
    "id" SERIAL NOT NULL,
    "candidate_id" INTEGER NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    "commune_id" INTEGER NOT NULL,
    "position_id" INTEGER NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "ended_on" DATE,
    "end_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "secondment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "secondment_phase_province_id_year_number_key" ON "secondment_phase"("province_id", "year", "number");

-- CreateIndex
CREATE INDEX "secondment_list_department_id_idx" ON "secondment_list"("department_id");

-- CreateIndex
CREATE UNIQUE INDEX "secondment_list_phase_id_department_id_key" ON "secondment_list"("phase_id", "department_id");

-- CreateIndex
CREATE UNIQUE INDEX "conclusion_province_id_number_key" ON "conclusion"("province_id", "number");

-- CreateIndex
CREATE INDEX "secondment_candidate_cadre_id_idx" ON "secondment_candidate"("cadre_id");

-- CreateIndex
CREATE UNIQUE INDEX "secondment_candidate_list_id_cadre_id_key" ON "secondment_candidate"("list_id", "cadre_id");

-- CreateIndex
CREATE UNIQUE INDEX "secondment_candidate_id_key" ON "secondment"("candidate_id");

-- CreateIndex
CREATE INDEX "secondment_commune_id_idx" ON "secondment"("commune_id");

-- CreateIndex
CREATE INDEX "secondment_cadre_id_idx" ON "secondment"("cadre_id");

-- AddForeignKey
ALTER TABLE "secondment_phase" ADD CONSTRAINT "secondment_phase_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment_list" ADD CONSTRAINT "secondment_list_phase_id_fkey" FOREIGN KEY ("phase_id") REFERENCES "secondment_phase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment_list" ADD CONSTRAINT "secondment_list_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conclusion" ADD CONSTRAINT "conclusion_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment_candidate" ADD CONSTRAINT "secondment_candidate_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "secondment_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment_candidate" ADD CONSTRAINT "secondment_candidate_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment_candidate" ADD CONSTRAINT "secondment_candidate_preferred_commune_id_fkey" FOREIGN KEY ("preferred_commune_id") REFERENCES "commune"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment_candidate" ADD CONSTRAINT "secondment_candidate_conclusion_id_fkey" FOREIGN KEY ("conclusion_id") REFERENCES "conclusion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment" ADD CONSTRAINT "secondment_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "secondment_candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment" ADD CONSTRAINT "secondment_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment" ADD CONSTRAINT "secondment_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment" ADD CONSTRAINT "secondment_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secondment" ADD CONSTRAINT "secondment_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

