-- The key that signs session cookies leaves the database (docs/decisions/031-database-roles-and-secrets.md): it
-- comes from AUTH_SECRET or the file .data/auth-secret. On an upgrade the start writes that file from this table
-- before applying this migration, so the sessions it signed stay valid.
DROP TABLE "app_secret";
