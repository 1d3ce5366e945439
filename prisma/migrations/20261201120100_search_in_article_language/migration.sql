-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "search_config" TEXT NOT NULL DEFAULT 'english';

-- CreateIndex
CREATE INDEX "articles_by_search_config_idx" ON "articles"("search_config");

-- ------------------------------------------------------------------------------------------------
-- Hand-written from here on: search_vector is built with each article's own text-search
-- configuration (articles.search_config, derived from its language at write time) instead of
-- 'english' for all. Existing rows keep 'english', what their vectors were built with; the
-- derivation version changed, so the app re-derives them (and so re-indexes them) in the background.
-- ------------------------------------------------------------------------------------------------

-- The configuration of that name, or 'simple' where this server has none (older PostgreSQL releases
-- lack some of the Snowball languages), so a stored name can never make a write fail.
CREATE FUNCTION "articles_search_regconfig"(p_name TEXT)
RETURNS regconfig LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT c."oid"::regconfig FROM pg_ts_config c
                    WHERE c."cfgname" = p_name AND c."cfgnamespace" = 'pg_catalog'::regnamespace),
                  'simple'::regconfig)
$$;

DROP FUNCTION "articles_search_vector"(UUID, TEXT, TEXT, TEXT);

CREATE FUNCTION "articles_search_vector"(p_article_id UUID, p_headline TEXT, p_dek TEXT, p_body_text TEXT, p_config TEXT)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector(cfg, coalesce(p_headline, '')), 'A')
      || setweight(to_tsvector(cfg, coalesce((
           SELECT string_agg(t."name", ' ' ORDER BY x."position")
           FROM "article_tags" x JOIN "tags" t ON t."id" = x."tag_id"
           WHERE x."article_id" = p_article_id), '')), 'A')
      || setweight(to_tsvector(cfg, coalesce(p_dek, '')), 'B')
      || setweight(to_tsvector(cfg, coalesce(p_body_text, '')), 'C')
  FROM (SELECT "articles_search_regconfig"(p_config) AS cfg) c
$$;

CREATE OR REPLACE FUNCTION "articles_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_vector" := "articles_search_vector"(NEW."id", NEW."headline", NEW."dek", NEW."body_text", NEW."search_config");
  RETURN NEW;
END
$$;

-- A change of language alone (search_config) re-indexes the article too.
DROP TRIGGER "articles_search_vector_refresh" ON "articles";
CREATE TRIGGER "articles_search_vector_refresh"
BEFORE INSERT OR UPDATE OF "headline", "dek", "body_text", "search_config" ON "articles"
FOR EACH ROW EXECUTE FUNCTION "articles_search_vector_refresh"();

CREATE OR REPLACE FUNCTION "article_tags_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "articles" a
     SET "search_vector" = "articles_search_vector"(a."id", a."headline", a."dek", a."body_text", a."search_config")
   WHERE a."id" IN (OLD."article_id", NEW."article_id");
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "tags_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "articles" a
     SET "search_vector" = "articles_search_vector"(a."id", a."headline", a."dek", a."body_text", a."search_config")
   WHERE a."id" IN (SELECT x."article_id" FROM "article_tags" x WHERE x."tag_id" = NEW."id");
  RETURN NULL;
END
$$;
