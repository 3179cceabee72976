-- Hand-written: objects Prisma cannot express. Never put these in schema.prisma, review each
-- generated migration for DROPs of them. tests/integration/database-objects.test.ts asserts they exist.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Diacritic-insensitive search: unaccent is only STABLE, wrap it with a fixed dictionary so it can be indexed.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE INDEX commune_name_search_idx ON commune USING gin (f_unaccent(name) gin_trgm_ops);
CREATE INDEX cadre_name_search_idx ON cadre USING gin (f_unaccent(full_name) gin_trgm_ops);

-- Non-negative figures.
ALTER TABLE quota ADD CONSTRAINT quota_non_negative CHECK (quota >= 0);
ALTER TABLE quota ADD CONSTRAINT quota_year_range CHECK (year BETWEEN 2000 AND 2100);
ALTER TABLE department_quota ADD CONSTRAINT department_quota_non_negative CHECK (quota >= 0);
ALTER TABLE key_position_norm ADD CONSTRAINT key_position_norm_non_negative CHECK (required >= 0);
ALTER TABLE party_committee_seat ADD CONSTRAINT party_committee_seat_non_negative CHECK (planned >= 0 AND appointed >= 0);

-- A person who left has a date and a reason, an active person has neither.
ALTER TABLE cadre ADD CONSTRAINT cadre_left_consistent CHECK (
  (status = 'active' AND left_on IS NULL AND left_reason IS NULL) OR
  (status = 'left' AND left_on IS NOT NULL AND left_reason IS NOT NULL));

-- An assignment is in exactly one unit: a commune or a department.
ALTER TABLE assignment ADD CONSTRAINT assignment_one_unit CHECK (num_nonnulls(commune_id, department_id) = 1);
ALTER TABLE assignment ADD CONSTRAINT assignment_dates CHECK (end_date IS NULL OR end_date >= start_date);

-- At most one active (open-ended) primary assignment per cadre ...
CREATE UNIQUE INDEX assignment_one_open_primary ON assignment (cadre_id) WHERE is_primary AND end_date IS NULL;
-- ... and primary assignments of one cadre never overlap in time.
ALTER TABLE assignment ADD CONSTRAINT assignment_primary_no_overlap EXCLUDE USING gist (
  cadre_id WITH =, daterange(start_date, end_date, '[]') WITH &&) WHERE (is_primary);

-- Unit codes are unique across communes and departments of a province (assignments and imports name units by code).
CREATE OR REPLACE FUNCTION unit_code_unique() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'commune' THEN
    IF EXISTS (SELECT 1 FROM department WHERE province_id = NEW.province_id AND code = NEW.code) THEN
      RAISE EXCEPTION 'unit code % already used by a department', NEW.code USING ERRCODE = '23505';
    END IF;
  ELSE
    IF EXISTS (SELECT 1 FROM commune WHERE province_id = NEW.province_id AND code = NEW.code) THEN
      RAISE EXCEPTION 'unit code % already used by a commune', NEW.code USING ERRCODE = '23505';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER commune_code_unique_across_units BEFORE INSERT OR UPDATE OF code ON commune
  FOR EACH ROW EXECUTE FUNCTION unit_code_unique();
CREATE TRIGGER department_code_unique_across_units BEFORE INSERT OR UPDATE OF code ON department
  FOR EACH ROW EXECUTE FUNCTION unit_code_unique();

-- Counting indexes: active primary assignments per commune, holders per commune and position.
CREATE INDEX assignment_commune_open_idx ON assignment (commune_id, position_id) WHERE end_date IS NULL;
