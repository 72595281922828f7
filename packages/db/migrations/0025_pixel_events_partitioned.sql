-- pixel_events becomes range-partitioned by month on occurred_at (drizzle-kit cannot express
-- partitioning). The table created by 0023 is empty here, so it is dropped and recreated with
-- the same columns, key, indexes and policies as the drizzle definition (schema/pixel-events.ts),
-- which stays what queries use and what later diffs compare against.
DROP TABLE "pixel_events";--> statement-breakpoint
CREATE TABLE "pixel_events" (
	"agency_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"event_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"anonymous_id" text NOT NULL,
	"url" text,
	"referrer" text,
	"utm" jsonb,
	"click_ids" jsonb,
	"properties" jsonb,
	"user_agent" text,
	CONSTRAINT "pixel_events_pkey" PRIMARY KEY("shop_id","event_id","occurred_at")
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
ALTER TABLE "pixel_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pixel_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "pixel_events_shop_anonymous_idx" ON "pixel_events" USING btree ("shop_id","anonymous_id","occurred_at");--> statement-breakpoint
CREATE INDEX "pixel_events_shop_occurred_idx" ON "pixel_events" USING btree ("shop_id","occurred_at");--> statement-breakpoint
CREATE POLICY "pixel_events_shop_rw" ON "pixel_events" AS PERMISSIVE FOR ALL TO "sumeru_app" USING (shop_id = nullif(current_setting('app.shop_id', true), '')) WITH CHECK (shop_id = nullif(current_setting('app.shop_id', true), ''));--> statement-breakpoint
CREATE POLICY "pixel_events_agency_read" ON "pixel_events" AS PERMISSIVE FOR SELECT TO "sumeru_app" USING (agency_id = nullif(current_setting('app.agency_id', true), ''));--> statement-breakpoint
-- Creates the monthly partitions pixel_events_yYYYYmMM for p_months months from p_from's month
-- (UTC bounds); existing ones are left alone, so it is safe to call from every replica at
-- start-up and again whenever an insert finds no partition. Each partition also gets RLS
-- (enabled, forced, shop policy) and no grants: the application reaches rows only through the
-- parent table and its policies. Returns how many partitions it created.
CREATE OR REPLACE FUNCTION sumeru_ensure_pixel_event_partitions(p_from date, p_months integer)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  month_start date := date_trunc('month', p_from)::date;
  part text;
  created integer := 0;
BEGIN
  FOR i IN 1 .. p_months LOOP
    part := format('pixel_events_y%sm%s', to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
    IF to_regclass(format('public.%I', part)) IS NULL THEN
      BEGIN
        EXECUTE format(
          'CREATE TABLE public.%I PARTITION OF public.pixel_events FOR VALUES FROM (%L) TO (%L)',
          part, to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00', to_char((month_start + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', part);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', part);
        EXECUTE format(
          'CREATE POLICY %I ON public.%I AS PERMISSIVE FOR ALL TO sumeru_app USING (shop_id = nullif(current_setting(''app.shop_id'', true), '''')) WITH CHECK (shop_id = nullif(current_setting(''app.shop_id'', true), ''''))',
          part || '_shop_rw', part);
        EXECUTE format('REVOKE ALL ON public.%I FROM sumeru_app', part);
        created := created + 1;
      EXCEPTION WHEN duplicate_table OR duplicate_object OR unique_violation THEN
        -- Another replica created it at the same moment.
        NULL;
      END;
    END IF;
    month_start := (month_start + interval '1 month')::date;
  END LOOP;
  RETURN created;
END
$$;--> statement-breakpoint
SELECT sumeru_ensure_pixel_event_partitions(((now() AT TIME ZONE 'UTC') - interval '1 month')::date, 4);
