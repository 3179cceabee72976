-- Hand-written guards of the secondment workflow (issue 6, item 6): what the database itself refuses, so no
-- race between two reviewers or two tabs can break it.

-- A cadre is in at most one open list: one candidate row holding him (lib/domain/secondment.ts holdsCadre).
CREATE UNIQUE INDEX secondment_candidate_one_open_per_cadre ON secondment_candidate (cadre_id) WHERE holds_cadre;

-- A cadre is never in two active secondments: their date ranges (to the actual end when ended early) never overlap.
ALTER TABLE secondment ADD CONSTRAINT secondment_no_overlap EXCLUDE USING gist (
  cadre_id WITH =,
  daterange(start_date, COALESCE(ended_on, end_date), '[]') WITH &&
);

-- Dates in order; an early end carries its reason; an ended secondment ends within its range.
ALTER TABLE secondment ADD CONSTRAINT secondment_dates_in_order CHECK (end_date > start_date);
ALTER TABLE secondment ADD CONSTRAINT secondment_ended_in_range CHECK (ended_on IS NULL OR (ended_on >= start_date AND ended_on <= end_date));
ALTER TABLE secondment ADD CONSTRAINT secondment_early_end_reason CHECK (ended_on IS NULL OR ended_on = end_date OR end_reason IS NOT NULL);

-- Phases and lists: sensible numbers; a submitted list has its date; a candidate's decision is consistent.
ALTER TABLE secondment_phase ADD CONSTRAINT secondment_phase_numbers CHECK (number >= 1 AND year BETWEEN 2000 AND 2100);
ALTER TABLE secondment_list ADD CONSTRAINT secondment_list_submitted_date CHECK (state = 'draft' OR submitted_on IS NOT NULL);
ALTER TABLE secondment_candidate ADD CONSTRAINT secondment_candidate_conclusion CHECK (
  (state IN ('approved', 'placed', 'ended')) = (conclusion_id IS NOT NULL)
);
ALTER TABLE secondment_candidate ADD CONSTRAINT secondment_candidate_not_meets_reason CHECK (
  state <> 'does_not_meet' OR assessment_reason IS NOT NULL
);
ALTER TABLE secondment_candidate ADD CONSTRAINT secondment_candidate_declined_reason CHECK (
  state <> 'declined' OR decision_reason IS NOT NULL
);
