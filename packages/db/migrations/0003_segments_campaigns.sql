CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"audience_id" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"launched_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"recipients_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "segments" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_shop_id_key" UNIQUE("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "segments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_shop_id_audience_id_segments_shop_id_id_fk" FOREIGN KEY ("shop_id","audience_id") REFERENCES "public"."segments"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_shop_created_idx" ON "campaigns" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_shop_status_idx" ON "campaigns" USING btree ("shop_id","status","id");--> statement-breakpoint
CREATE INDEX "segments_shop_created_idx" ON "segments" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE POLICY "campaigns_shop_rw" ON "campaigns" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "campaigns_agency_read" ON "campaigns" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "segments_shop_rw" ON "segments" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "segments_agency_read" ON "segments" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));