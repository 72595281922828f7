CREATE TABLE "operator_sessions" (
	"session_hash" text PRIMARY KEY NOT NULL,
	"agency_id" text NOT NULL,
	"operator_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "operator_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "operator_sessions" ADD CONSTRAINT "operator_sessions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_sessions" ADD CONSTRAINT "operator_sessions_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "operator_sessions_agency_operator_idx" ON "operator_sessions" USING btree ("agency_id","operator_id");--> statement-breakpoint
CREATE POLICY "operator_sessions_agency" ON "operator_sessions" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), '')) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
CREATE POLICY "operator_sessions_by_hash" ON "operator_sessions" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (session_hash = nullif(current_setting('app.session_hash', true), '')) WITH CHECK (session_hash = nullif(current_setting('app.session_hash', true), ''));