-- FORCE RLS for the contact tables (drizzle-kit cannot express it).
ALTER TABLE "contacts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contact_consent_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "message_rejects" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contact_lists" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contact_list_members" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Consent history is written by the database itself: whatever path changes a contact's
-- consent (bulk import, a future webhook), the change is recorded. It runs as the caller,
-- so the event row passes the same RLS checks as the contact.
CREATE FUNCTION record_contact_consent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW.email_consent <> 'unknown') OR (TG_OP = 'UPDATE' AND NEW.email_consent IS DISTINCT FROM OLD.email_consent) THEN
    INSERT INTO contact_consent_events (id, agency_id, shop_id, contact_id, channel, status, source)
    VALUES ('cce_' || replace(gen_random_uuid()::text, '-', ''), NEW.agency_id, NEW.shop_id, NEW.id, 'email', NEW.email_consent, NEW.consent_source);
  END IF;
  IF (TG_OP = 'INSERT' AND NEW.sms_consent <> 'unknown') OR (TG_OP = 'UPDATE' AND NEW.sms_consent IS DISTINCT FROM OLD.sms_consent) THEN
    INSERT INTO contact_consent_events (id, agency_id, shop_id, contact_id, channel, status, source)
    VALUES ('cce_' || replace(gen_random_uuid()::text, '-', ''), NEW.agency_id, NEW.shop_id, NEW.id, 'sms', NEW.sms_consent, NEW.consent_source);
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER contacts_record_consent AFTER INSERT OR UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION record_contact_consent();
