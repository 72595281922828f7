-- FORCE RLS for webhook endpoints and the event outbox (drizzle-kit cannot express it).
ALTER TABLE "webhook_endpoints" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "events" FORCE ROW LEVEL SECURITY;
