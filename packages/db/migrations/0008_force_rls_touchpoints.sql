-- FORCE RLS for touchpoints (drizzle-kit cannot express it).
ALTER TABLE "touchpoints" FORCE ROW LEVEL SECURITY;
