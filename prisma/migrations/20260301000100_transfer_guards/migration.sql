-- Hand-written guards of the transfer workflow (issue 8, item 2): what the database itself refuses, so no race
-- between two approvers or two tabs can break it. The quota reservation (source stays at or above quota, target
-- not overfilled) is taken by the approving transaction under row locks on both communes (lib/db/transfer-*.ts).

-- A cadre is in at most one open transfer (proposed or approved).
CREATE UNIQUE INDEX transfer_one_open_per_cadre ON transfer (cadre_id) WHERE state IN ('proposed', 'approved');

-- A transfer goes somewhere else; one across old districts carries its written justification.
ALTER TABLE transfer ADD CONSTRAINT transfer_other_commune CHECK (from_commune_id <> to_commune_id);
ALTER TABLE transfer ADD CONSTRAINT transfer_cross_district_justified CHECK (
  NOT cross_district OR (justification IS NOT NULL AND btrim(justification) <> '')
);
ALTER TABLE transfer ADD CONSTRAINT transfer_reason_given CHECK (btrim(reason) <> '');

-- Each state carries what it needs: a decision (number and date) once approved, a reason when declined or
-- cancelled, the execution date and the new assignment once executed.
ALTER TABLE transfer ADD CONSTRAINT transfer_decision CHECK (
  state NOT IN ('approved', 'executed') OR (decision_number IS NOT NULL AND decision_date IS NOT NULL)
);
ALTER TABLE transfer ADD CONSTRAINT transfer_declined_reason CHECK (state <> 'declined' OR decline_reason IS NOT NULL);
ALTER TABLE transfer ADD CONSTRAINT transfer_cancelled_reason CHECK (state <> 'cancelled' OR cancel_reason IS NOT NULL);
ALTER TABLE transfer ADD CONSTRAINT transfer_executed CHECK (
  (state = 'executed') = (executed_on IS NOT NULL AND new_assignment_id IS NOT NULL)
);

-- A cadre is never in an open transfer and an active secondment at once. Both triggers lock the cadre's row
-- first, so of two concurrent transactions the second sees the first's row and is refused.
CREATE FUNCTION transfer_refuse_with_secondment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state IN ('proposed', 'approved') THEN
    PERFORM 1 FROM cadre WHERE id = NEW.cadre_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = NEW.cadre_id AND s.ended_on IS NULL) THEN
      RAISE EXCEPTION 'cadre % has an active secondment', NEW.cadre_id
        USING ERRCODE = '23P01', CONSTRAINT = 'transfer_no_active_secondment';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER transfer_no_active_secondment BEFORE INSERT OR UPDATE OF state, cadre_id ON transfer
  FOR EACH ROW EXECUTE FUNCTION transfer_refuse_with_secondment();

CREATE FUNCTION secondment_refuse_with_transfer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.ended_on IS NULL THEN
    PERFORM 1 FROM cadre WHERE id = NEW.cadre_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM transfer t WHERE t.cadre_id = NEW.cadre_id AND t.state IN ('proposed', 'approved')) THEN
      RAISE EXCEPTION 'cadre % is in an open transfer', NEW.cadre_id
        USING ERRCODE = '23P01', CONSTRAINT = 'secondment_no_open_transfer';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER secondment_no_open_transfer BEFORE INSERT OR UPDATE OF ended_on, cadre_id ON secondment
  FOR EACH ROW EXECUTE FUNCTION secondment_refuse_with_transfer();
