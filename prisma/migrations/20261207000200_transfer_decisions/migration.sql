-- AlterTable
ALTER TABLE "secondment_phase" ADD COLUMN     "opened_on" DATE NOT NULL DEFAULT ((now() AT TIME ZONE 'Asia/Ho_Chi_Minh'::text))::date;

-- AlterTable
ALTER TABLE "transfer" ADD COLUMN     "decision_id" INTEGER,
ADD COLUMN     "proposed_on" DATE NOT NULL DEFAULT ((now() AT TIME ZONE 'Asia/Ho_Chi_Minh'::text))::date;

-- AddForeignKey
ALTER TABLE "transfer" ADD CONSTRAINT "transfer_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---- Hand-written: the rows already there ------------------------------------------------------------------
-- A transfer was proposed, and a phase opened, on the day its row was created (the application now writes the
-- clock's day; the default above only serves rows inserted by hand).
UPDATE transfer SET proposed_on = (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
UPDATE secondment_phase SET opened_on = (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;

-- Transfers approved before decisions were recorded get theirs: the number and date they carry, issued by the
-- body of the approver's role (the Organizing Committee: Ban Tổ chức Tỉnh ủy; Home Affairs and anyone else: Sở
-- Nội vụ). A number already recorded by that body with another date is left alone (the transfer keeps no link).
INSERT INTO decision (province_id, issuing_body_id, number, date, kind)
SELECT DISTINCT ON (b.id, btrim(t.decision_number)) t.province_id, b.id, btrim(t.decision_number), t.decision_date, 'transfer'
  FROM transfer t
  LEFT JOIN app_user u ON u.id = t.decided_by_id
  JOIN issuing_body b ON b.province_id = t.province_id AND b.commune_id IS NULL
                     AND b.code = CASE u.role WHEN 'organizing_committee' THEN 'BTCTU' ELSE 'SNV' END
 WHERE t.state IN ('approved', 'executed') AND t.decision_date IS NOT NULL AND btrim(COALESCE(t.decision_number, '')) <> ''
 ORDER BY b.id, btrim(t.decision_number), t.decision_date, t.id
ON CONFLICT (issuing_body_id, number) DO NOTHING;

UPDATE transfer t SET decision_id = d.id
  FROM issuing_body b, decision d
 WHERE t.decision_id IS NULL AND t.state IN ('approved', 'executed')
   AND b.province_id = t.province_id AND b.commune_id IS NULL
   AND b.code = CASE (SELECT u.role FROM app_user u WHERE u.id = t.decided_by_id) WHEN 'organizing_committee' THEN 'BTCTU' ELSE 'SNV' END
   AND d.issuing_body_id = b.id AND d.number = btrim(t.decision_number) AND d.date = t.decision_date;

-- The assignments an approval wrote: the new post from the effective date, and the posts in the source commune
-- it closed the day before.
UPDATE assignment a SET decision_id = t.decision_id
  FROM transfer t
 WHERE t.decision_id IS NOT NULL AND a.id = t.new_assignment_id AND a.decision_id IS NULL;

UPDATE assignment a SET end_decision_id = t.decision_id
  FROM transfer t
 WHERE t.decision_id IS NOT NULL AND a.cadre_id = t.cadre_id AND a.commune_id = t.from_commune_id
   AND a.end_date = t.effective_date - 1 AND a.end_decision_id IS NULL;
