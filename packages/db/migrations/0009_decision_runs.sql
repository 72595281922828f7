CREATE TABLE "decision_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"kind" text DEFAULT 'rfm' NOT NULL,
	"status" text NOT NULL,
	"trigger" text NOT NULL,
	"customers_scored" integer DEFAULT 0 NOT NULL,
	"stage_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stage_changes" integer DEFAULT 0 NOT NULL,
	"recommendations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "decision_runs" ADD CONSTRAINT "decision_runs_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_runs_shop_created_idx" ON "decision_runs" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE POLICY "decision_runs_shop_rw" ON "decision_runs" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "decision_runs_agency_read" ON "decision_runs" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));