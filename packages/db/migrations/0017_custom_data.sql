CREATE TABLE "custom_data_definitions" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"fields" jsonb NOT NULL,
	CONSTRAINT "custom_data_definitions_shop_id_key" UNIQUE("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "custom_data_definitions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "custom_data_records" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"definition_id" text NOT NULL,
	"external_id" text NOT NULL,
	"customer_external_id" text,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "custom_data_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "custom_data_definitions" ADD CONSTRAINT "custom_data_definitions_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_data_records" ADD CONSTRAINT "custom_data_records_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_data_records" ADD CONSTRAINT "custom_data_records_shop_id_definition_id_custom_data_definitions_shop_id_id_fk" FOREIGN KEY ("shop_id","definition_id") REFERENCES "public"."custom_data_definitions"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "custom_data_definitions_shop_external_key" ON "custom_data_definitions" USING btree ("shop_id","external_id");--> statement-breakpoint
CREATE INDEX "custom_data_definitions_shop_created_idx" ON "custom_data_definitions" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_data_definitions_shop_key_key" ON "custom_data_definitions" USING btree ("shop_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_data_records_shop_definition_external_key" ON "custom_data_records" USING btree ("shop_id","definition_id","external_id");--> statement-breakpoint
CREATE INDEX "custom_data_records_shop_definition_idx" ON "custom_data_records" USING btree ("shop_id","definition_id","id");--> statement-breakpoint
CREATE POLICY "custom_data_definitions_shop_rw" ON "custom_data_definitions" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "custom_data_definitions_agency_read" ON "custom_data_definitions" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "custom_data_records_shop_rw" ON "custom_data_records" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "custom_data_records_agency_read" ON "custom_data_records" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));