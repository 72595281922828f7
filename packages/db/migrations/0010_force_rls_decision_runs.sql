-- FORCE RLS for decision_runs (drizzle-kit cannot express it).
ALTER TABLE "decision_runs" FORCE ROW LEVEL SECURITY;
