-- FORCE RLS for reviews, identities and pixel events (drizzle-kit cannot express it).
ALTER TABLE "reviews" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "identities" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pixel_events" FORCE ROW LEVEL SECURITY;
