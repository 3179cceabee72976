-- ---- Hand-written (docs/decisions/052-pages-cached-by-data-version.md) ----

-- Every table a page reads now moves the data version, not only the tables the figures are counted from: the front
-- server keeps whole pages by that version (lib/http/page-cache.ts). Left out, and never read by a cached page: the
-- audit log (a sign-in writes it), the sessions and sign-in attempts (written by reads and sign-ins), and the
-- version's own two tables. tests/integration/page-cache.test.ts holds every other table to this.

CREATE TRIGGER data_change_app_user AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_user FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_cadre_education AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cadre_education FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_cadre_recognition AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cadre_recognition FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_cadre_training AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cadre_training FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_commune_workbook_upload AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON commune_workbook_upload FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_conclusion AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON conclusion FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_decision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON decision FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_email_digest AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON email_digest FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_form_submission AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON form_submission FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_import_upload AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON import_upload FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_issuing_body AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON issuing_body FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_notification AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON notification FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_planning_entry AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON planning_entry FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_planning_term AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON planning_term FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_problem_group AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON problem_group FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_province_snapshot AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON province_snapshot FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_reception AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reception FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_recruitment_plan AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON recruitment_plan FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_recruitment_target AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON recruitment_target FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_report_draft AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_draft FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_secondment_candidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON secondment_candidate FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_secondment_list AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON secondment_list FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_secondment_phase AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON secondment_phase FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_support_answer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON support_answer FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_support_attachment AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON support_attachment FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_support_request AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON support_request FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_support_visit AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON support_visit FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_working_group AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON working_group FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_working_group_commune AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON working_group_commune FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_working_group_member AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON working_group_member FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
CREATE TRIGGER data_change_working_group_problem AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON working_group_problem FOR EACH STATEMENT EXECUTE FUNCTION data_change_note();
