-- ---- Hand-written (docs/decisions/049-light-pages-and-throughput.md) ----

-- The dashboard's structure of key posts and its trend read the settings (the age limit of "young", the shares the
-- province aims at), and the ratings' progress reads the rating rounds and ratings: a change to any of them moves the
-- data version too, so those figures can be cached by it like the province's (lib/db/figures-cache.ts).
CREATE TRIGGER data_change_setting AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON setting FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_rating_round AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rating_round FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_rating AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rating FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
