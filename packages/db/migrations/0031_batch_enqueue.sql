-- Bulk writes (1,000 customers in one request) record one event per row; queueing each with its
-- own add_job call cost more than the write itself. Inserts now queue their jobs once per
-- statement with graphile_worker.add_jobs, still inside the writing transaction.
CREATE FUNCTION sumeru_enqueue_many(task text, payloads json[], job_keys text[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF task NOT IN ('dispatch_event', 'deliver_webhook', 'process_inbound') THEN
    RAISE EXCEPTION 'sumeru_enqueue_many: unknown task %', task;
  END IF;
  IF coalesce(array_length(payloads, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM graphile_worker.add_jobs(array(
    SELECT (task, p, null, coalesce((p->>'run_at')::timestamptz, now()), 10, k, null, null)::graphile_worker.job_spec
    FROM unnest(payloads, job_keys) AS u(p, k)
  ));
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sumeru_enqueue_many(text, json[], text[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sumeru_enqueue_many(text, json[], text[]) TO sumeru_app;--> statement-breakpoint

DROP TRIGGER events_enqueue ON "events";--> statement-breakpoint
CREATE FUNCTION sumeru_events_enqueue_batch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sumeru_enqueue_many('dispatch_event',
    array(SELECT json_build_object('shop_id', shop_id, 'event_id', id) FROM new_rows ORDER BY created_at, id),
    array(SELECT 'event:' || id FROM new_rows ORDER BY created_at, id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER events_enqueue AFTER INSERT ON "events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sumeru_events_enqueue_batch();--> statement-breakpoint

DROP TRIGGER webhook_deliveries_enqueue_insert ON "webhook_deliveries";--> statement-breakpoint
CREATE FUNCTION sumeru_deliveries_enqueue_batch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sumeru_enqueue_many('deliver_webhook',
    array(SELECT json_build_object('shop_id', shop_id, 'delivery_id', id, 'run_at', next_attempt_at) FROM new_rows WHERE status = 'pending' ORDER BY id),
    array(SELECT 'delivery:' || id FROM new_rows WHERE status = 'pending' ORDER BY id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER webhook_deliveries_enqueue_insert AFTER INSERT ON "webhook_deliveries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sumeru_deliveries_enqueue_batch();
