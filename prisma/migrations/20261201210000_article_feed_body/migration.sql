-- body_html escaped as XML text, and its md5 hex: derived at write time with body_html
-- (articles/derivation/article-derivation.ts). NULL until a row is re-derived by this code; feeds
-- then escape and hash body_html themselves.
ALTER TABLE "articles" ADD COLUMN     "body_xml" TEXT,
ADD COLUMN     "body_digest" TEXT;

-- A feed reads 50 of these at once: lz4 decompresses several times faster than the default pglz.
-- Servers built without lz4 (and the embedded PGlite) keep the default.
DO $$
BEGIN
  ALTER TABLE "articles" ALTER COLUMN "body_xml" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END $$;

-- Whatever writes body_html without its feed forms (SQL by hand, a loader) clears them rather than
-- leaving them stale: feeds then escape and hash body_html themselves until the row is re-derived.
-- Escaping is one-to-one, so a writer that derived them from the new HTML always changes body_xml too.
CREATE FUNCTION "articles_feed_body_clear_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.body_html IS DISTINCT FROM OLD.body_html AND NEW.body_xml IS NOT DISTINCT FROM OLD.body_xml THEN
    NEW.body_xml := NULL;
    NEW.body_digest := NULL;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "articles_feed_body_clear_stale" BEFORE UPDATE OF body_html ON "articles"
  FOR EACH ROW EXECUTE FUNCTION "articles_feed_body_clear_stale"();
