-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Block" AS ENUM ('party_front', 'government');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('commune', 'ward');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('male', 'female');

-- CreateEnum
CREATE TYPE "EmploymentType" AS ENUM ('cadre', 'civil_servant', 'public_employee', 'non_professional');

-- CreateEnum
CREATE TYPE "Education" AS ENUM ('intermediate', 'college', 'university', 'master', 'doctorate');

-- CreateEnum
CREATE TYPE "PoliticalTheory" AS ENUM ('none', 'elementary', 'intermediate', 'advanced');

-- CreateEnum
CREATE TYPE "CadreStatus" AS ENUM ('active', 'left');

-- CreateEnum
CREATE TYPE "DepartureReason" AS ENUM ('retirement', 'resignation', 'early_retirement', 'transfer_out', 'death', 'other');

-- CreateEnum
CREATE TYPE "PartyCommittee" AS ENUM ('executive', 'standing');

-- CreateTable
CREATE TABLE "province" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "old_district" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mountainous" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "old_district_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commune" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "old_district_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL DEFAULT 'commune',
    "mountainous" BOOLEAN NOT NULL DEFAULT false,
    "extremely_disadvantaged" BOOLEAN NOT NULL DEFAULT false,
    "border" BOOLEAN NOT NULL DEFAULT false,
    "merged_from" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commune_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "position" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title_vi" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "block" "Block",
    "is_key" BOOLEAN NOT NULL DEFAULT false,
    "is_elected" BOOLEAN NOT NULL DEFAULT false,
    "concurrent_by_design" BOOLEAN NOT NULL DEFAULT false,
    "field" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quota" (
    "id" SERIAL NOT NULL,
    "commune_id" INTEGER NOT NULL,
    "block" "Block" NOT NULL,
    "year" INTEGER NOT NULL,
    "quota" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "key_position_norm" (
    "id" SERIAL NOT NULL,
    "commune_id" INTEGER NOT NULL,
    "position_id" INTEGER NOT NULL,
    "required" INTEGER NOT NULL,

    CONSTRAINT "key_position_norm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "department" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "department_quota" (
    "id" SERIAL NOT NULL,
    "department_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "quota" INTEGER NOT NULL,

    CONSTRAINT "department_quota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cadre" (
    "id" SERIAL NOT NULL,
    "province_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "birth_date" DATE NOT NULL,
    "ethnicity" TEXT NOT NULL DEFAULT 'Kinh',
    "education" "Education" NOT NULL,
    "field" TEXT,
    "political_theory" "PoliticalTheory" NOT NULL DEFAULT 'none',
    "employment_type" "EmploymentType" NOT NULL,
    "is_party_member" BOOLEAN NOT NULL DEFAULT false,
    "status" "CadreStatus" NOT NULL DEFAULT 'active',
    "left_on" DATE,
    "left_reason" "DepartureReason",
    "national_id" TEXT,
    "phone" TEXT,
    "home_address" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cadre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignment" (
    "id" SERIAL NOT NULL,
    "cadre_id" INTEGER NOT NULL,
    "commune_id" INTEGER,
    "department_id" INTEGER,
    "position_id" INTEGER NOT NULL,
    "is_primary" BOOLEAN NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "party_committee_seat" (
    "id" SERIAL NOT NULL,
    "commune_id" INTEGER NOT NULL,
    "committee" "PartyCommittee" NOT NULL,
    "planned" INTEGER NOT NULL,
    "appointed" INTEGER NOT NULL,

    CONSTRAINT "party_committee_seat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "province_code_key" ON "province"("code");

-- CreateIndex
CREATE UNIQUE INDEX "old_district_province_id_code_key" ON "old_district"("province_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "old_district_province_id_name_key" ON "old_district"("province_id", "name");

-- CreateIndex
CREATE INDEX "commune_old_district_id_idx" ON "commune"("old_district_id");

-- CreateIndex
CREATE UNIQUE INDEX "commune_province_id_code_key" ON "commune"("province_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "position_province_id_code_key" ON "position"("province_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "quota_commune_id_block_year_key" ON "quota"("commune_id", "block", "year");

-- CreateIndex
CREATE UNIQUE INDEX "key_position_norm_commune_id_position_id_key" ON "key_position_norm"("commune_id", "position_id");

-- CreateIndex
CREATE UNIQUE INDEX "department_province_id_code_key" ON "department"("province_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "department_quota_department_id_year_key" ON "department_quota"("department_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "cadre_province_id_code_key" ON "cadre"("province_id", "code");

-- CreateIndex
CREATE INDEX "assignment_cadre_id_idx" ON "assignment"("cadre_id");

-- CreateIndex
CREATE INDEX "assignment_commune_id_position_id_idx" ON "assignment"("commune_id", "position_id");

-- CreateIndex
CREATE INDEX "assignment_department_id_idx" ON "assignment"("department_id");

-- CreateIndex
CREATE UNIQUE INDEX "party_committee_seat_commune_id_committee_key" ON "party_committee_seat"("commune_id", "committee");

-- AddForeignKey
ALTER TABLE "old_district" ADD CONSTRAINT "old_district_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commune" ADD CONSTRAINT "commune_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commune" ADD CONSTRAINT "commune_old_district_id_fkey" FOREIGN KEY ("old_district_id") REFERENCES "old_district"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "position" ADD CONSTRAINT "position_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota" ADD CONSTRAINT "quota_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_position_norm" ADD CONSTRAINT "key_position_norm_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "key_position_norm" ADD CONSTRAINT "key_position_norm_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department" ADD CONSTRAINT "department_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_quota" ADD CONSTRAINT "department_quota_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cadre" ADD CONSTRAINT "cadre_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_cadre_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_position_id_fkey" FOREIGN KEY ("position_id") REFERENCES "position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "party_committee_seat" ADD CONSTRAINT "party_committee_seat_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

