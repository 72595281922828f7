-- FORCE RLS for the ingestion tables (drizzle-kit cannot express it).
ALTER TABLE "product_categories" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "manufacturers" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "vouchers" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "customer_groups" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "carts" FORCE ROW LEVEL SECURITY;
