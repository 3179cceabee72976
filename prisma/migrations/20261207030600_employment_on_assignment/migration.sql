-- The employment type a post was held under, when it differs from the person's (docs/decisions/043-reception-and-recruitment.md):
-- a non-professional worker received into the commune civil service becomes a civil servant from the decision's
-- effective date; his earlier posts keep the type he held them under, so the counting at any date before that day
-- does not count him. NULL: the person's type.
ALTER TABLE "assignment" ADD COLUMN "employment_type" "EmploymentType";
