-- CreateEnum
CREATE TYPE "StateManagement" AS ENUM ('specialist', 'principal_specialist', 'senior_specialist');

-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('political_theory', 'state_management', 'defence_security', 'professional', 'foreign_language', 'information_technology', 'other');

-- CreateEnum
CREATE TYPE "RecognitionKind" AS ENUM ('award', 'discipline');

-- CreateEnum
CREATE TYPE "RatingLevel" AS ENUM ('excellent', 'good', 'completed', 'not_completed');

-- CreateEnum
CREATE TYPE "RatingGroup" AS ENUM ('cadre', 'civil_servant');

-- CreateEnum
CREATE TYPE "RatingRoundState" AS ENUM ('draft', 'confirmed');

-- CreateEnum
CREATE TYPE "ReceptionState" AS ENUM ('proposed', 'appraised', 'decided', 'refused', 'withdrawn');

-- CreateEnum
CREATE TYPE "CouncilResult" AS ENUM ('passed', 'failed');

-- CreateEnum
CREATE TYPE "RecruitmentPlanState" AS ENUM ('draft', 'approved');

-- CreateEnum
CREATE TYPE "WorkingGroupKind" AS ENUM ('provincial', 'department');

-- CreateEnum
CREATE TYPE "SupportState" AS ENUM ('open', 'assigned', 'resolved', 'escalated_province', 'escalated_central');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DecisionKind" ADD VALUE 'reception' BEFORE 'other';
ALTER TYPE "DecisionKind" ADD VALUE 'planning' BEFORE 'other';

-- AlterTable
ALTER TABLE "position" ADD COLUMN     "level" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "cadre" ADD COLUMN     "home_town" TEXT,
ADD COLUMN     "party_join_date" DATE,
ADD COLUMN     "party_official_date" DATE,
ADD COLUMN     "place_of_birth" TEXT,
ADD COLUMN     "rank_code" TEXT,
ADD COLUMN     "religion" TEXT,
ADD COLUMN     "salary_coefficient" DECIMAL(5,2),
ADD COLUMN     "salary_effective_on" DATE,
ADD COLUMN     "salary_step" INTEGER,
ADD COLUMN     "state_management" "StateManagement",
ALTER COLUMN "ethnicity" DROP NOT NULL,
ALTER COLUMN "ethnicity" DROP DEFAULT,
ALTER COLUMN "political_theory" DROP NOT NULL,
ALTER COLUMN "political_theory" DROP DEFAULT;

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "email" TEXT;

-- AlterTable
ALTER TABLE "secondment_list" ADD COLUMN     "due_date" DATE;

-- CreateTable
CREATE TABLE "cadre_education" (
    "id" SERIAL NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "degree" "Education" NOT NULL,
    "field" TEXT NOT NULL,
    "institution" TEXT,
    "year" INTEGER,
    "mode" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cadre_education_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cadre_training" (
    "id" SERIAL NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "kind" "TrainingKind" NOT NULL,
    "name" TEXT NOT NULL,
    "institution" TEXT,
    "start_date" DATE,
    "end_date" DATE,
    "certificate" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cadre_training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cadre_recognition" (
    "id" SERIAL NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "kind" "RecognitionKind" NOT NULL,
    "form" TEXT NOT NULL,
    "decision_number" TEXT NOT NULL,
    "decision_date" DATE NOT NULL,
    "issuer" TEXT,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cadre_recognition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "setting" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "decision_id" INTEGER,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rating_round" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "commune_id" INTEGER,
    "department_id" INTEGER,
    "group" "RatingGroup" NOT NULL,
    "state" "RatingRoundState" NOT NULL DEFAULT 'draft',
    "over_limit_reason" TEXT,
    "confirmed_at" TIMESTAMPTZ(3),
    "confirmed_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rating_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rating" (
    "id" SERIAL NOT NULL,
    "round_id" INTEGER NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "level" "RatingLevel" NOT NULL,
    "score" DECIMAL(5,2),
    "deciding_body" TEXT,
    "below_band_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "planning_term" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "start_year" INTEGER NOT NULL,
    "end_year" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "planning_term_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "planning_entry" (
    "id" SERIAL NOT NULL,
    "term_id" INTEGER NOT NULL,
    "position_id" INTEGER NOT NULL,
    "commune_id" INTEGER,
    "department_id" INTEGER,
    "cadre_id" INTEGER NOT NULL,
    "decision_id" INTEGER NOT NULL,
    "removed_on" DATE,
    "removal_decision_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "planning_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reception" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "commune_id" INTEGER NOT NULL,
    "position_id" INTEGER NOT NULL,
    "cadre_id" INTEGER,
    "external_person" JSONB,
    "state" "ReceptionState" NOT NULL DEFAULT 'proposed',
    "insurance_months" INTEGER NOT NULL,
    "degree" "Education",
    "degree_field" TEXT,
    "evidence" TEXT,
    "exception_reason" TEXT,
    "insurance_met" BOOLEAN,
    "field_met" BOOLEAN,
    "council_result" "CouncilResult",
    "council_score" DECIMAL(5,2),
    "appraisal_note" TEXT,
    "refusal_reason" TEXT,
    "decision_id" INTEGER,
    "effective_date" DATE,
    "proposed_by_id" INTEGER NOT NULL,
    "proposed_on" DATE NOT NULL,
    "appraised_on" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reception_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recruitment_plan" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "state" "RecruitmentPlanState" NOT NULL DEFAULT 'draft',
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recruitment_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recruitment_target" (
    "id" SERIAL NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "commune_id" INTEGER NOT NULL,
    "position_id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "planned_date" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recruitment_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problem_group" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "problem_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "working_group" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "WorkingGroupKind" NOT NULL,
    "department_id" INTEGER,
    "head_user_id" INTEGER,
    "head_name" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "working_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "working_group_member" (
    "group_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,

    CONSTRAINT "working_group_member_pkey" PRIMARY KEY ("group_id","user_id")
);

-- CreateTable
CREATE TABLE "working_group_commune" (
    "group_id" INTEGER NOT NULL,
    "commune_id" INTEGER NOT NULL,

    CONSTRAINT "working_group_commune_pkey" PRIMARY KEY ("group_id","commune_id")
);

-- CreateTable
CREATE TABLE "working_group_problem" (
    "group_id" INTEGER NOT NULL,
    "problem_group_id" INTEGER NOT NULL,

    CONSTRAINT "working_group_problem_pkey" PRIMARY KEY ("group_id","problem_group_id")
);

-- CreateTable
CREATE TABLE "support_request" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "commune_id" INTEGER NOT NULL,
    "problem_group_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "urgency" "Urgency" NOT NULL DEFAULT 'normal',
    "state" "SupportState" NOT NULL DEFAULT 'open',
    "working_group_id" INTEGER,
    "raised_by_id" INTEGER NOT NULL,
    "raised_on" DATE NOT NULL,
    "assigned_on" DATE,
    "resolved_on" DATE,
    "escalated_on" DATE,
    "resolution" TEXT,
    "escalation_summary" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_attachment" (
    "id" SERIAL NOT NULL,
    "request_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_visit" (
    "id" SERIAL NOT NULL,
    "working_group_id" INTEGER NOT NULL,
    "commune_id" INTEGER NOT NULL,
    "request_id" INTEGER,
    "visited_on" DATE NOT NULL,
    "members" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "recorded_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_answer" (
    "id" SERIAL NOT NULL,
    "request_id" INTEGER NOT NULL,
    "author_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL,
    "dedupe_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_digest" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "item_count" INTEGER NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_digest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_version" (
    "province_id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_version_pkey" PRIMARY KEY ("province_id")
);

-- CreateIndex
CREATE INDEX "cadre_education_cadre_id_idx" ON "cadre_education"("cadre_id");

-- CreateIndex
CREATE INDEX "cadre_training_cadre_id_idx" ON "cadre_training"("cadre_id");

-- CreateIndex
CREATE INDEX "cadre_recognition_cadre_id_idx" ON "cadre_recognition"("cadre_id");

-- CreateIndex
CREATE UNIQUE INDEX "setting_province_id_key_effective_from_key" ON "setting"("province_id", "key", "effective_from");

-- CreateIndex
CREATE INDEX "rating_round_province_id_year_idx" ON "rating_round"("province_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "rating_round_commune_id_year_group_key" ON "rating_round"("commune_id", "year", "group");

-- CreateIndex
CREATE UNIQUE INDEX "rating_round_department_id_year_group_key" ON "rating_round"("department_id", "year", "group");

-- CreateIndex
CREATE INDEX "rating_round_id_idx" ON "rating"("round_id");

-- CreateIndex
CREATE UNIQUE INDEX "rating_cadre_id_year_key" ON "rating"("cadre_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "planning_term_province_id_start_year_end_year_key" ON "planning_term"("province_id", "start_year", "end_year");

-- CreateIndex
CREATE INDEX "planning_entry_term_id_position_id_idx" ON "planning_entry"("term_id", "position_id");

-- CreateIndex
CREATE INDEX "planning_entry_cadre_id_idx" ON "planning_entry"("cadre_id");

-- CreateIndex
CREATE INDEX "reception_commune_id_idx" ON "reception"("commune_id");

-- CreateIndex
CREATE INDEX "reception_cadre_id_idx" ON "reception"("cadre_id");

-- CreateIndex
CREATE UNIQUE INDEX "recruitment_plan_province_id_year_key" ON "recruitment_plan"("province_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "recruitment_target_plan_id_commune_id_position_id_key" ON "recruitment_target"("plan_id", "commune_id", "position_id");

-- CreateIndex
CREATE UNIQUE INDEX "problem_group_province_id_code_key" ON "problem_group"("province_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "working_group_province_id_name_key" ON "working_group"("province_id", "name");

-- CreateIndex
CREATE INDEX "working_group_member_user_id_idx" ON "working_group_member"("user_id");

-- CreateIndex
CREATE INDEX "support_request_province_id_state_idx" ON "support_request"("province_id", "state");

-- CreateIndex
CREATE INDEX "support_request_commune_id_idx" ON "support_request"("commune_id");

-- CreateIndex
CREATE INDEX "support_request_working_group_id_idx" ON "support_request"("working_group_id");

-- CreateIndex
CREATE INDEX "support_attachment_request_id_idx" ON "support_attachment"("request_id");

-- CreateIndex
CREATE INDEX "support_visit_commune_id_idx" ON "support_visit"("commune_id");

-- CreateIndex
CREATE INDEX "support_visit_request_id_idx" ON "support_visit"("request_id");

-- CreateIndex
CREATE INDEX "support_answer_request_id_idx" ON "support_answer"("request_id");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_user_id_dedupe_key_key" ON "notification"("user_id", "dedupe_key");

-- CreateIndex
CREATE UNIQUE INDEX "email_digest_user_id_day_key" ON "email_digest"("user_id", "day");

-- AddForeignKey
ALTER TABLE "cadre_education" ADD CONSTRAINT "cadre_education_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre_training" ADD CONSTRAINT "cadre_training_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre_recognition" ADD CONSTRAINT "cadre_recognition_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "setting" ADD CONSTRAINT "setting_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "setting" ADD CONSTRAINT "setting_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating_round" ADD CONSTRAINT "rating_round_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating_round" ADD CONSTRAINT "rating_round_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating_round" ADD CONSTRAINT "rating_round_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating_round" ADD CONSTRAINT "rating_round_confirmed_by_id_fkey" FOREIGN KEY ("confirmed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating" ADD CONSTRAINT "rating_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "rating_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating" ADD CONSTRAINT "rating_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_term" ADD CONSTRAINT "planning_term_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_entry" ADD CONSTRAINT "planning_entry_term_id_fkey" FOREIGN KEY ("term_id") REFERENCES "planning_term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_entry" ADD CONSTRAINT "planning_entry_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_entry" ADD CONSTRAINT "planning_entry_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_entry" ADD CONSTRAINT "planning_entry_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_entry" ADD CONSTRAINT "planning_entry_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_entry" ADD CONSTRAINT "planning_entry_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "planning_entry" ADD CONSTRAINT "planning_entry_removal_decision_id_fkey" FOREIGN KEY ("removal_decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reception" ADD CONSTRAINT "reception_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reception" ADD CONSTRAINT "reception_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reception" ADD CONSTRAINT "reception_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reception" ADD CONSTRAINT "reception_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reception" ADD CONSTRAINT "reception_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reception" ADD CONSTRAINT "reception_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recruitment_plan" ADD CONSTRAINT "recruitment_plan_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recruitment_target" ADD CONSTRAINT "recruitment_target_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "recruitment_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recruitment_target" ADD CONSTRAINT "recruitment_target_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recruitment_target" ADD CONSTRAINT "recruitment_target_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_group" ADD CONSTRAINT "problem_group_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group" ADD CONSTRAINT "working_group_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group" ADD CONSTRAINT "working_group_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group" ADD CONSTRAINT "working_group_head_user_id_fkey" FOREIGN KEY ("head_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_member" ADD CONSTRAINT "working_group_member_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "working_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_member" ADD CONSTRAINT "working_group_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_commune" ADD CONSTRAINT "working_group_commune_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "working_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_commune" ADD CONSTRAINT "working_group_commune_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_problem" ADD CONSTRAINT "working_group_problem_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "working_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_group_problem" ADD CONSTRAINT "working_group_problem_problem_group_id_fkey" FOREIGN KEY ("problem_group_id") REFERENCES "problem_group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_problem_group_id_fkey" FOREIGN KEY ("problem_group_id") REFERENCES "problem_group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_working_group_id_fkey" FOREIGN KEY ("working_group_id") REFERENCES "working_group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_raised_by_id_fkey" FOREIGN KEY ("raised_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_attachment" ADD CONSTRAINT "support_attachment_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "support_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_attachment" ADD CONSTRAINT "support_attachment_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_visit" ADD CONSTRAINT "support_visit_working_group_id_fkey" FOREIGN KEY ("working_group_id") REFERENCES "working_group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_visit" ADD CONSTRAINT "support_visit_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_visit" ADD CONSTRAINT "support_visit_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "support_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_visit" ADD CONSTRAINT "support_visit_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_answer" ADD CONSTRAINT "support_answer_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "support_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_answer" ADD CONSTRAINT "support_answer_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_digest" ADD CONSTRAINT "email_digest_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_version" ADD CONSTRAINT "data_version_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---- Hand-written (docs/decisions/004-database-objects-outside-prisma.md) ----

-- The personal ID number (số định danh cá nhân) is valid when it has 12 digits, a province code of birth
-- registration (Circular 07/2016/TT-BCA), the century-and-gender digit and the last two digits of the birth year
-- of the person it is stored on (names schema-qualified: PostgreSQL 17 builds indexes with a safe search_path).
-- The one rule is lib/domain/national-id.ts; tests check this function against it.
CREATE OR REPLACE FUNCTION national_id_valid(national_id text, gender "Gender", birth_date date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT national_id ~ '^[0-9]{12}$'
       AND substr(national_id, 1, 3) = ANY (ARRAY[
         '001','002','004','006','008','010','011','012','014','015','017','019','020','022','024','025','026','027',
         '030','031','033','034','035','036','037','038','040','042','044','045','046','048','049','051','052','054',
         '056','058','060','062','064','066','067','068','070','072','074','075','077','079','080','082','083','084',
         '086','087','089','091','092','093','094','095','096'])
       AND substr(national_id, 5, 2)::int = (extract(year FROM birth_date)::int % 100)
       AND substr(national_id, 4, 1)::int = (CASE extract(year FROM birth_date)::int / 100
             WHEN 19 THEN 0 WHEN 20 THEN 2 WHEN 21 THEN 4 WHEN 22 THEN 6 WHEN 18 THEN 8 ELSE -10 END)
           + (CASE WHEN gender = 'female'::public."Gender" THEN 1 ELSE 0 END)
  $$;

-- Unique over valid IDs only: existing invalid or duplicate ones are listed by the app, never changed.
CREATE UNIQUE INDEX cadre_national_id_valid_key ON cadre (national_id)
  WHERE national_id IS NOT NULL AND national_id_valid(national_id, gender, birth_date);

-- Search by personal ID or code (prefix) and by name without diacritics (the trigram index already exists).
CREATE INDEX cadre_national_id_idx ON cadre (national_id text_pattern_ops) WHERE national_id IS NOT NULL;
CREATE INDEX cadre_code_search_idx ON cadre USING gin (lower(code) gin_trgm_ops);

ALTER TABLE cadre ADD CONSTRAINT cadre_salary_values CHECK (
  (salary_step IS NULL OR salary_step BETWEEN 1 AND 20)
  AND (salary_coefficient IS NULL OR (salary_coefficient > 0 AND salary_coefficient <= 20))
  AND (rank_code IS NULL OR rank_code ~ '^[0-9]{2}\.[0-9]{3}[a-z]?$'));
ALTER TABLE cadre_education ADD CONSTRAINT cadre_education_year CHECK (year IS NULL OR year BETWEEN 1950 AND 2100);
ALTER TABLE cadre_training ADD CONSTRAINT cadre_training_dates CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date);

-- A rating round and a planning entry belong to exactly one unit.
ALTER TABLE rating_round ADD CONSTRAINT rating_round_one_unit CHECK ((commune_id IS NULL) <> (department_id IS NULL));
ALTER TABLE rating_round ADD CONSTRAINT rating_round_confirmed CHECK ((state = 'confirmed') = (confirmed_at IS NOT NULL));
ALTER TABLE rating ADD CONSTRAINT rating_score_range CHECK (score IS NULL OR (score >= 0 AND score <= 100));
ALTER TABLE planning_entry ADD CONSTRAINT planning_entry_one_unit CHECK ((commune_id IS NULL) <> (department_id IS NULL));
ALTER TABLE planning_term ADD CONSTRAINT planning_term_years CHECK (start_year < end_year);

-- At most one open reception proposal per person.
CREATE UNIQUE INDEX reception_one_open_per_person ON reception (cadre_id)
  WHERE cadre_id IS NOT NULL AND state IN ('proposed', 'appraised');
ALTER TABLE reception ADD CONSTRAINT reception_person CHECK ((cadre_id IS NULL) <> (external_person IS NULL));
ALTER TABLE reception ADD CONSTRAINT reception_insurance_months CHECK (insurance_months BETWEEN 0 AND 600);
ALTER TABLE reception ADD CONSTRAINT reception_decided CHECK ((state = 'decided') = (decision_id IS NOT NULL AND effective_date IS NOT NULL));
ALTER TABLE recruitment_target ADD CONSTRAINT recruitment_target_count_positive CHECK (count > 0);

-- Attachments: size-limited, never executable (the type is checked by the upload route; here the size).
ALTER TABLE support_attachment ADD CONSTRAINT support_attachment_size CHECK (size > 0 AND size = octet_length(content));
ALTER TABLE working_group ADD CONSTRAINT working_group_department CHECK ((kind = 'department') = (department_id IS NOT NULL));
ALTER TABLE notification ADD CONSTRAINT notification_link_relative CHECK (link ~ '^/[^/]');

-- Every province has its data version row.
INSERT INTO data_version (province_id) SELECT id FROM province ON CONFLICT DO NOTHING;
