CREATE TABLE "seo_keywords" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"keyword" text NOT NULL,
	"target_url" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"position" integer,
	"position_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_volume" integer,
	"difficulty" integer
);
--> statement-breakpoint
ALTER TABLE "seo_keywords" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "seo_keywords" ADD CONSTRAINT "seo_keywords_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "seo_keywords_shop_external_key" ON "seo_keywords" USING btree ("shop_id","external_id");--> statement-breakpoint
CREATE INDEX "seo_keywords_shop_created_idx" ON "seo_keywords" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE POLICY "seo_keywords_shop_rw" ON "seo_keywords" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "seo_keywords_agency_read" ON "seo_keywords" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));