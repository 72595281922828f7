-- The row-level events trigger function of 0027 was replaced by a statement-level one in 0031
-- (one add_jobs call per insert statement); nothing calls it any more.
DROP FUNCTION IF EXISTS sumeru_events_enqueue();
