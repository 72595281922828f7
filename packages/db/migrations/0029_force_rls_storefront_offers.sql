-- FORCE RLS for referrals, bundles, upsell rules and quizzes (drizzle-kit cannot express it).
ALTER TABLE "referral_codes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "referral_claims" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "bundles" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "upsell_rules" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "quizzes" FORCE ROW LEVEL SECURITY;
