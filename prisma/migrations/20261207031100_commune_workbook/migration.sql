-- The commune workbook's uploads (docs/decisions/047-commune-workbook.md): the file a chairman edited offline,
-- kept with its dry run's report between the check and the apply, so that the apply works on any instance.

-- CreateTable
CREATE TABLE "commune_workbook_upload" (
    "id" TEXT NOT NULL,
    "commune_id" INTEGER NOT NULL,
    "uploaded_by_id" INTEGER,
    "file_name" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'checked',
    "report" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMPTZ(3),
    "applied_by_id" INTEGER,

    CONSTRAINT "commune_workbook_upload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "commune_workbook_upload_commune_id_created_at_idx" ON "commune_workbook_upload"("commune_id", "created_at");

-- AddForeignKey
ALTER TABLE "commune_workbook_upload" ADD CONSTRAINT "commune_workbook_upload_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;
