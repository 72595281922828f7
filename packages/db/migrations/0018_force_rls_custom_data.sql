-- FORCE RLS for custom data (drizzle-kit cannot express it).
ALTER TABLE "custom_data_definitions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "custom_data_records" FORCE ROW LEVEL SECURITY;
