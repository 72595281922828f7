-- FORCE RLS for seo_keywords (drizzle-kit cannot express it).
ALTER TABLE "seo_keywords" FORCE ROW LEVEL SECURITY;
