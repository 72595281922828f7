CREATE TABLE "contact_consent_events" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"source" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_consent_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contact_list_members" (
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"list_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_list_members_shop_id_list_id_contact_id_pk" PRIMARY KEY("shop_id","list_id","contact_id")
);
--> statement-breakpoint
ALTER TABLE "contact_list_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contact_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	CONSTRAINT "contact_lists_shop_id_key" UNIQUE("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "contact_lists" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"email" text,
	"phone" text,
	"first_name" text,
	"last_name" text,
	"language" text,
	"email_consent" text DEFAULT 'unknown' NOT NULL,
	"sms_consent" text DEFAULT 'unknown' NOT NULL,
	"consent_source" text,
	CONSTRAINT "contacts_shop_id_key" UNIQUE("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "message_rejects" (
	"id" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"reason" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_rejects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contact_consent_events" ADD CONSTRAINT "contact_consent_events_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_consent_events" ADD CONSTRAINT "contact_consent_events_shop_id_contact_id_contacts_shop_id_id_fk" FOREIGN KEY ("shop_id","contact_id") REFERENCES "public"."contacts"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_list_members" ADD CONSTRAINT "contact_list_members_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_list_members" ADD CONSTRAINT "contact_list_members_shop_id_list_id_contact_lists_shop_id_id_fk" FOREIGN KEY ("shop_id","list_id") REFERENCES "public"."contact_lists"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_list_members" ADD CONSTRAINT "contact_list_members_shop_id_contact_id_contacts_shop_id_id_fk" FOREIGN KEY ("shop_id","contact_id") REFERENCES "public"."contacts"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_lists" ADD CONSTRAINT "contact_lists_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_rejects" ADD CONSTRAINT "message_rejects_shop_id_agency_id_shops_id_agency_id_fk" FOREIGN KEY ("shop_id","agency_id") REFERENCES "public"."shops"("id","agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_consent_events_shop_contact_idx" ON "contact_consent_events" USING btree ("shop_id","contact_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_lists_shop_external_key" ON "contact_lists" USING btree ("shop_id","external_id");--> statement-breakpoint
CREATE INDEX "contact_lists_shop_created_idx" ON "contact_lists" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_shop_external_key" ON "contacts" USING btree ("shop_id","external_id");--> statement-breakpoint
CREATE INDEX "contacts_shop_created_idx" ON "contacts" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE INDEX "contacts_shop_email_idx" ON "contacts" USING btree ("shop_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "message_rejects_shop_external_key" ON "message_rejects" USING btree ("shop_id","external_id");--> statement-breakpoint
CREATE INDEX "message_rejects_shop_created_idx" ON "message_rejects" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE INDEX "message_rejects_shop_address_idx" ON "message_rejects" USING btree ("shop_id","channel","address");--> statement-breakpoint
CREATE POLICY "contact_consent_events_shop_rw" ON "contact_consent_events" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "contact_consent_events_agency_read" ON "contact_consent_events" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "contact_list_members_shop_rw" ON "contact_list_members" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "contact_list_members_agency_read" ON "contact_list_members" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "contact_lists_shop_rw" ON "contact_lists" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "contact_lists_agency_read" ON "contact_lists" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "contacts_shop_rw" ON "contacts" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "contacts_agency_read" ON "contacts" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "message_rejects_shop_rw" ON "message_rejects" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "message_rejects_agency_read" ON "message_rejects" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));