-- FORCE RLS for the delivery, inbound and notice tables (drizzle-kit cannot express it).
ALTER TABLE "webhook_deliveries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "webhook_attempts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "inbound_webhooks" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "message_statuses" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notices" FORCE ROW LEVEL SECURITY;--> statement-breakpoint

-- Jobs are enqueued by triggers, in the transaction of the change that causes them: a rollback
-- enqueues nothing, a commit enqueues exactly once. The job queue (graphile-worker) lives in
-- the graphile_worker schema, installed by runMigrations right after these migrations; the
-- application role may not touch it, so this one SECURITY DEFINER function is its only door,
-- and it only accepts Sumeru's own task names.
CREATE FUNCTION sumeru_enqueue(task text, payload json, run_at timestamptz, job_key text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF task NOT IN ('dispatch_event', 'deliver_webhook', 'process_inbound') THEN
    RAISE EXCEPTION 'sumeru_enqueue: unknown task %', task;
  END IF;
  PERFORM graphile_worker.add_job(task, payload, run_at => run_at, job_key => job_key, job_key_mode => 'replace', max_attempts => 10);
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sumeru_enqueue(text, json, timestamptz, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sumeru_enqueue(text, json, timestamptz, text) TO sumeru_app;--> statement-breakpoint

-- A new outbox event → fan it out to the subscribed endpoints.
CREATE FUNCTION sumeru_events_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sumeru_enqueue('dispatch_event', json_build_object('shop_id', NEW.shop_id, 'event_id', NEW.id), now(), 'event:' || NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER events_enqueue AFTER INSERT ON "events" FOR EACH ROW EXECUTE FUNCTION sumeru_events_enqueue();--> statement-breakpoint

-- A delivery that is (again) pending → one job, due when the delivery is. Retries and replays
-- are just updates of next_attempt_at; the job key keeps one queued job per delivery.
CREATE FUNCTION sumeru_deliveries_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sumeru_enqueue('deliver_webhook', json_build_object('shop_id', NEW.shop_id, 'delivery_id', NEW.id), NEW.next_attempt_at, 'delivery:' || NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER webhook_deliveries_enqueue_insert AFTER INSERT ON "webhook_deliveries" FOR EACH ROW WHEN (NEW.status = 'pending') EXECUTE FUNCTION sumeru_deliveries_enqueue();--> statement-breakpoint
CREATE TRIGGER webhook_deliveries_enqueue_update AFTER UPDATE OF status, next_attempt_at ON "webhook_deliveries" FOR EACH ROW
  WHEN (NEW.status = 'pending' AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.next_attempt_at IS DISTINCT FROM NEW.next_attempt_at))
  EXECUTE FUNCTION sumeru_deliveries_enqueue();--> statement-breakpoint

-- A stored inbound webhook → process it in the worker.
CREATE FUNCTION sumeru_inbound_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sumeru_enqueue('process_inbound', json_build_object('shop_id', NEW.shop_id, 'inbound_id', NEW.id), now(), 'inbound:' || NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER inbound_webhooks_enqueue AFTER INSERT ON "inbound_webhooks" FOR EACH ROW EXECUTE FUNCTION sumeru_inbound_enqueue();--> statement-breakpoint

-- Recovery, run by every worker at start and every minute: work whose job was lost is queued
-- again. A job is lost when its worker died holding it (graphile-worker keeps such a job locked
-- for hours) or when it never existed; a job that is queued, running, or has failed for good
-- (it keeps its last_error for operators) is left alone, so a failing task is not retried
-- forever. Only ids and times are read here, never tenant data, which the tasks handle under RLS.
CREATE FUNCTION sumeru_requeue_stalled(grace interval) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  n integer := 0;
  r record;
BEGIN
  FOR r IN SELECT e.id, e.shop_id FROM events e
           WHERE e.dispatched_at IS NULL AND e.created_at < now() - grace
             AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'event:' || e.id AND (j.locked_at IS NULL OR j.locked_at > now() - grace))
           LIMIT 1000 LOOP
    PERFORM sumeru_enqueue('dispatch_event', json_build_object('shop_id', r.shop_id, 'event_id', r.id), now(), 'event:' || r.id);
    n := n + 1;
  END LOOP;
  FOR r IN SELECT d.id, d.shop_id FROM webhook_deliveries d
           WHERE d.status = 'pending' AND d.next_attempt_at < now() - grace AND (d.leased_until IS NULL OR d.leased_until < now())
             AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'delivery:' || d.id AND (j.locked_at IS NULL OR j.locked_at > now() - grace))
           LIMIT 1000 LOOP
    PERFORM sumeru_enqueue('deliver_webhook', json_build_object('shop_id', r.shop_id, 'delivery_id', r.id), now(), 'delivery:' || r.id);
    n := n + 1;
  END LOOP;
  FOR r IN SELECT i.id, i.shop_id FROM inbound_webhooks i
           WHERE i.status = 'received' AND i.received_at < now() - grace
             AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'inbound:' || i.id AND (j.locked_at IS NULL OR j.locked_at > now() - grace))
           LIMIT 1000 LOOP
    PERFORM sumeru_enqueue('process_inbound', json_build_object('shop_id', r.shop_id, 'inbound_id', r.id), now(), 'inbound:' || r.id);
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sumeru_requeue_stalled(interval) FROM PUBLIC;
