-- The application role. Tenant transactions switch to it with SET LOCAL ROLE, so every
-- application query runs as a role that is neither owner, superuser nor BYPASSRLS.
-- Roles are cluster-wide: databases migrating at the same time (test runs) may race to create
-- it, so losing that race is fine.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sumeru_app') THEN
    CREATE ROLE sumeru_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN OTHERS THEN
  -- Another session created it first; anything else is a real error.
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sumeru_app') THEN RAISE; END IF;
END
$$;
--> statement-breakpoint
-- The migrating user must be able to SET ROLE to it (a no-op for superusers).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'sumeru_app', 'MEMBER') THEN
    EXECUTE format('GRANT sumeru_app TO %I', current_user);
  END IF;
EXCEPTION WHEN OTHERS THEN
  -- A concurrent GRANT of the same membership ("tuple concurrently updated") is fine.
  IF NOT pg_has_role(current_user, 'sumeru_app', 'MEMBER') THEN RAISE; END IF;
END
$$;
