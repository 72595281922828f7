CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"url" text NOT NULL,
	"description" text,
	"events" text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"secret_sealed" text NOT NULL,
	"previous_secret_sealed" text,
	"previous_secret_expires_at" timestamp with time zone,
	"failing_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_shop_created_idx" ON "events" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE INDEX "events_shop_undispatched_idx" ON "events" USING btree ("shop_id","created_at") WHERE dispatched_at is null;--> statement-breakpoint
CREATE INDEX "webhook_endpoints_shop_created_idx" ON "webhook_endpoints" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE POLICY "events_shop_rw" ON "events" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "events_agency_read" ON "events" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "webhook_endpoints_shop_rw" ON "webhook_endpoints" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "webhook_endpoints_agency_read" ON "webhook_endpoints" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));