-- FORCE RLS for the marketing tables (drizzle-kit cannot express it); grants come from the
-- default privileges set in 0002.
ALTER TABLE "segments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "campaigns" FORCE ROW LEVEL SECURITY;
