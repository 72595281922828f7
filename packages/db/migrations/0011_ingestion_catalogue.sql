CREATE TABLE "manufacturers" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"website" text
);
--> statement-breakpoint
ALTER TABLE "manufacturers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "product_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"parent_external_id" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_categories" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"description" text,
	"discount_type" text NOT NULL,
	"amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"currency" text,
	"minimum_order" numeric(14, 2),
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"usage_limit" integer,
	"times_used" integer DEFAULT 0 NOT NULL,
	"customer_external_id" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vouchers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "customer_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"description" text
);
--> statement-breakpoint
ALTER TABLE "customer_groups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "carts" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_external_id" text,
	"email" text,
	"currency" text NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"items" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"abandoned_at" timestamp with time zone,
	"recovery_url" text
);
--> statement-breakpoint
ALTER TABLE "carts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "manufacturers" ADD CONSTRAINT "manufacturers_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_groups" ADD CONSTRAINT "customer_groups_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "manufacturers_shop_external_key" ON "manufacturers" USING btree ("shop_id","external_id");--> statement-breakpoint
CREATE INDEX "manufacturers_shop_created_idx" ON "manufacturers" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_categories_shop_external_key" ON "product_categories" USING btree ("shop_id","external_id");--> statement-breakpoint
CREATE INDEX "product_categories_shop_created_idx" ON "product_categories" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_shop_external_key" ON "vouchers" USING btree ("shop_id","external_id");--> statement-breakpoint
CREATE INDEX "vouchers_shop_created_idx" ON "vouchers" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_shop_code_key" ON "vouchers" USING btree ("shop_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_groups_shop_external_key" ON "customer_groups" USING btree ("shop_id","external_id");--> statement-breakpoint
CREATE INDEX "customer_groups_shop_created_idx" ON "customer_groups" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "carts_shop_external_key" ON "carts" USING btree ("shop_id","external_id");--> statement-breakpoint
CREATE INDEX "carts_shop_created_idx" ON "carts" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE POLICY "manufacturers_shop_rw" ON "manufacturers" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "manufacturers_agency_read" ON "manufacturers" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "product_categories_shop_rw" ON "product_categories" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "product_categories_agency_read" ON "product_categories" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "vouchers_shop_rw" ON "vouchers" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "vouchers_agency_read" ON "vouchers" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "customer_groups_shop_rw" ON "customer_groups" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "customer_groups_agency_read" ON "customer_groups" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "carts_shop_rw" ON "carts" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "carts_agency_read" ON "carts" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));