-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('checked', 'applied');

-- AlterTable
ALTER TABLE "position" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "import_upload" (
    "id" TEXT NOT NULL,
    "province_id" INTEGER NOT NULL,
    "uploaded_by_id" INTEGER,
    "file_name" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'checked',
    "report" JSONB,
    "problem_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMPTZ(3),
    "applied_by_id" INTEGER,

    CONSTRAINT "import_upload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_upload_province_id_created_at_idx" ON "import_upload"("province_id", "created_at");

-- AddForeignKey
ALTER TABLE "import_upload" ADD CONSTRAINT "import_upload_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE CASCADE ON UPDATE CASCADE;

