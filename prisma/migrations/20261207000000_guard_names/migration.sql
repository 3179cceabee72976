-- The guards raised by triggers name themselves at the start of their message as well as in CONSTRAINT, so
-- lib/db/errors.ts finds the name whichever client raised the error (Prisma's pg adapter keeps the message
-- and the SQLSTATE, not the CONSTRAINT field). Same behaviour otherwise.
CREATE OR REPLACE FUNCTION transfer_refuse_with_secondment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state IN ('proposed', 'approved') THEN
    PERFORM 1 FROM cadre WHERE id = NEW.cadre_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM secondment s WHERE s.cadre_id = NEW.cadre_id AND s.ended_on IS NULL) THEN
      RAISE EXCEPTION 'transfer_no_active_secondment: cadre % has an active secondment', NEW.cadre_id
        USING ERRCODE = '23P01', CONSTRAINT = 'transfer_no_active_secondment';
    END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION secondment_refuse_with_transfer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.ended_on IS NULL THEN
    PERFORM 1 FROM cadre WHERE id = NEW.cadre_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM transfer t WHERE t.cadre_id = NEW.cadre_id AND t.state IN ('proposed', 'approved')) THEN
      RAISE EXCEPTION 'secondment_no_open_transfer: cadre % is in an open transfer', NEW.cadre_id
        USING ERRCODE = '23P01', CONSTRAINT = 'secondment_no_open_transfer';
    END IF;
  END IF;
  RETURN NEW;
END $$;
