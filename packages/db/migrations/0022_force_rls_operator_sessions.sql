-- FORCE RLS for console sessions (drizzle-kit cannot express it).
ALTER TABLE "operator_sessions" FORCE ROW LEVEL SECURITY;
