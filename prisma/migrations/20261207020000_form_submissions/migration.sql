-- One-time form tokens (docs/decisions/036-one-time-form-tokens.md): a form of an idempotent action carries a token
-- recorded here in the transaction of the change it made, so posting the same form twice changes nothing twice.

-- CreateTable
CREATE TABLE "form_submission" (
    "token" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "value" JSONB,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "form_submission_pkey" PRIMARY KEY ("token")
);

-- CreateIndex
CREATE INDEX "form_submission_created_at_idx" ON "form_submission"("created_at");

-- AddForeignKey
ALTER TABLE "form_submission" ADD CONSTRAINT "form_submission_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

