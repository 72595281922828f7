-- Scheduled work that spans shops (the nightly decision runs) must know which shops exist before
-- any tenant is set. This function is that one fact, nothing more: ids of active shops. The
-- per-shop work then runs under RLS like everything else.
CREATE FUNCTION sumeru_active_shops() RETURNS TABLE (shop_id text, agency_id text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT id, agency_id FROM shops WHERE status = 'active' ORDER BY id
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sumeru_active_shops() FROM PUBLIC;
