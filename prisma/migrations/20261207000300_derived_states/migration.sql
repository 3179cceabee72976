-- Derived states are derived at read time (docs/domain.md, Derived states): nothing stores them and
-- nothing keeps them current by hand. Hand-written (decision 002); the guards that read them follow here.

-- ---- A transfer's execution ---------------------------------------------------------------------------------
-- `executed` was written by GET pages once an approved transfer's effective date had come. It is now read from the
-- date (lib/domain/transfer.ts transferStatus; lib/db/transfer-status.ts): an executed row becomes approved again,
-- the value leaves the enum and `executed_on` (always the effective date) goes.

-- The guards that name the state are dropped first and recreated below on the new type.
DROP INDEX transfer_one_open_per_cadre;
ALTER TABLE transfer DROP CONSTRAINT transfer_executed;
ALTER TABLE transfer DROP CONSTRAINT transfer_decision;
ALTER TABLE transfer DROP CONSTRAINT transfer_declined_reason;
ALTER TABLE transfer DROP CONSTRAINT transfer_cancelled_reason;

-- The type change rewrites the table without firing row triggers (an executed transfer of a person seconded since
-- is not refused on its way back to approved); a trigger that names the column (UPDATE OF state) is recreated after.
DROP TRIGGER transfer_no_active_secondment ON transfer;
CREATE TYPE "TransferState_new" AS ENUM ('proposed', 'approved', 'declined', 'cancelled');
ALTER TABLE transfer ALTER COLUMN state DROP DEFAULT;
ALTER TABLE transfer ALTER COLUMN state TYPE "TransferState_new"
  USING (CASE state::text WHEN 'executed' THEN 'approved' ELSE state::text END)::"TransferState_new";
ALTER TYPE "TransferState" RENAME TO "TransferState_old";
ALTER TYPE "TransferState_new" RENAME TO "TransferState";
DROP TYPE "TransferState_old";
ALTER TABLE transfer ALTER COLUMN state SET DEFAULT 'proposed';
CREATE TRIGGER transfer_no_active_secondment BEFORE INSERT OR UPDATE OF state, cadre_id ON transfer
  FOR EACH ROW EXECUTE FUNCTION transfer_refuse_with_secondment();

ALTER TABLE transfer DROP COLUMN executed_on;

-- Each state carries what it needs: an approval its decision and the move it wrote, a refusal its reason.
ALTER TABLE transfer ADD CONSTRAINT transfer_decision CHECK (
  state <> 'approved' OR (decision_number IS NOT NULL AND decision_date IS NOT NULL AND new_assignment_id IS NOT NULL)
);
ALTER TABLE transfer ADD CONSTRAINT transfer_declined_reason CHECK (state <> 'declined' OR decline_reason IS NOT NULL);
ALTER TABLE transfer ADD CONSTRAINT transfer_cancelled_reason CHECK (state <> 'cancelled' OR cancel_reason IS NOT NULL);

-- The window in which a transfer holds its cadre (lib/domain/transfer.ts holdsTransferCadre): from the day it was
-- proposed, open-ended while undecided (it may still be approved), up to its effective date once approved; never
-- once declined or cancelled. An approval effective on or before its proposal day holds nothing (an empty range).
CREATE FUNCTION transfer_open_window(state "TransferState", proposed_on date, effective_date date) RETURNS daterange
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE state
           WHEN 'proposed' THEN daterange(proposed_on, NULL, '[)')
           WHEN 'approved' THEN daterange(proposed_on, GREATEST(proposed_on, effective_date), '[)')
           ELSE 'empty'::daterange
         END
$$;

-- A cadre is in at most one open transfer at a time: no two windows of his overlap (docs/domain.md, Derived states: an
-- exclusion constraint over the open window, never an expression of now()). A transfer that has taken effect
-- frees its person for the next one without any write.
ALTER TABLE transfer ADD CONSTRAINT transfer_one_open_per_cadre EXCLUDE USING gist (
  cadre_id WITH =,
  transfer_open_window(state, proposed_on, effective_date) WITH &&
) WHERE (state IN ('proposed', 'approved'));

-- A cadre is never in an open transfer and an active secondment at once. The secondment side read every approved
-- transfer as open; it now asks whether the transfer's open window meets the secondment's dates.
-- (Dates out of order are left to the CHECK secondment_dates_in_order, which runs after this BEFORE trigger.)
CREATE OR REPLACE FUNCTION secondment_refuse_with_transfer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.ended_on IS NULL AND NEW.end_date >= NEW.start_date THEN
    PERFORM 1 FROM cadre WHERE id = NEW.cadre_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM transfer t
                WHERE t.cadre_id = NEW.cadre_id AND t.state IN ('proposed', 'approved')
                  AND transfer_open_window(t.state, t.proposed_on, t.effective_date) && daterange(NEW.start_date, NEW.end_date, '[]')) THEN
      RAISE EXCEPTION 'secondment_no_open_transfer: cadre % is in an open transfer', NEW.cadre_id
        USING ERRCODE = '23P01', CONSTRAINT = 'secondment_no_open_transfer';
    END IF;
  END IF;
  RETURN NEW;
END $$;

-- ---- A secondment candidate's holding -------------------------------------------------------------------------
-- `holds_cadre` was written by every transition of a candidate and of its list. It is the candidate's state read
-- with its list's (lib/domain/secondment.ts holdsCadre), here as the one SQL function the guard and the queries use.
CREATE FUNCTION secondment_candidate_holds(state "SecondmentCandidateState", list_state "SecondmentListState") RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT state IN ('proposed', 'meets', 'forwarded', 'approved')
      OR (state = 'does_not_meet' AND list_state NOT IN ('forwarded', 'decided'))
$$;

DROP INDEX secondment_candidate_one_open_per_cadre;
ALTER TABLE secondment_candidate DROP COLUMN holds_cadre;

-- A cadre is in at most one open list. An index predicate cannot read the list's state, so the guard is a trigger
-- under the cadre's row lock (of two concurrent transactions the second waits and then sees the first's row), with
-- the unique index's name, SQLSTATE and message shape, so lib/db/errors.ts maps it as before. Only candidate rows
-- are checked: a list's own transitions never make a candidate hold again (holdsCadre only releases as the list
-- moves on: does_not_meet is released once it is forwarded).
CREATE FUNCTION secondment_candidate_one_open() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  list_state "SecondmentListState";
BEGIN
  SELECT l.state INTO list_state FROM secondment_list l WHERE l.id = NEW.list_id;
  IF secondment_candidate_holds(NEW.state, list_state) THEN
    PERFORM 1 FROM cadre WHERE id = NEW.cadre_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM secondment_candidate c JOIN secondment_list l ON l.id = c.list_id
                WHERE c.cadre_id = NEW.cadre_id AND c.id <> NEW.id AND secondment_candidate_holds(c.state, l.state)) THEN
      RAISE EXCEPTION 'secondment_candidate_one_open_per_cadre: cadre % is already on an open list', NEW.cadre_id
        USING ERRCODE = '23505', CONSTRAINT = 'secondment_candidate_one_open_per_cadre';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER secondment_candidate_one_open_per_cadre BEFORE INSERT OR UPDATE OF state, cadre_id, list_id ON secondment_candidate
  FOR EACH ROW EXECUTE FUNCTION secondment_candidate_one_open();
