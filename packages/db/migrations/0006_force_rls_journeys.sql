-- FORCE RLS for the journey tables (drizzle-kit cannot express it).
ALTER TABLE "journeys" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "journey_enrollments" FORCE ROW LEVEL SECURITY;
