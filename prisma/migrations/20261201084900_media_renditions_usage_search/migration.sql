-- Media library search matches substrings of captions, credits, alt texts and file names with ILIKE,
-- which a trigram GIN index answers without scanning the table (pg_trgm ships with PostgreSQL and PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "images" ADD COLUMN     "crops" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "focal_x" DOUBLE PRECISION,
ADD COLUMN     "focal_y" DOUBLE PRECISION,
ADD COLUMN     "original_filename" TEXT,
ADD COLUMN     "search_text" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "image_usages" (
    "image_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "used_as" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "image_usages_pkey" PRIMARY KEY ("image_id","article_id","used_as","source")
);

-- CreateIndex
CREATE INDEX "image_usages_by_article_idx" ON "image_usages"("article_id");

-- CreateIndex
CREATE INDEX "images_by_uploader_idx" ON "images"("created_by_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "images_by_storage_key_idx" ON "images"("storage_key");

-- CreateIndex
CREATE INDEX "images_search_idx" ON "images" USING GIN ("search_text" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "image_usages" ADD CONSTRAINT "image_usages_image_id_fkey" FOREIGN KEY ("image_id") REFERENCES "images"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "image_usages" ADD CONSTRAINT "image_usages_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- search_text: one lower-cased string per image for the trigram index. Maintained by a trigger, like
-- articles.search_vector, so every writer (the app, the seeder, hand-written SQL) keeps it right.
CREATE FUNCTION "images_search_text_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := lower(concat_ws(' ', NEW.caption, NEW.credit, NEW.alt_text, NEW.original_filename));
  RETURN NEW;
END $$;

CREATE TRIGGER "images_search_text_refresh" BEFORE INSERT OR UPDATE OF caption, credit, alt_text, original_filename
ON "images" FOR EACH ROW EXECUTE FUNCTION "images_search_text_refresh"();

UPDATE "images" SET search_text = lower(concat_ws(' ', caption, credit, alt_text, original_filename));

-- Data migration: body image blocks that point at a library image (by imageId, or by its url) become
-- references { type, imageId: <public Image id>, caption?, alt? }. A copied caption or alt text equal
-- to the image's own is dropped (it now comes from the image); a different one stays as an override.
-- Blocks with external URLs are left as they are (the legacy external form). Live bodies, pending
-- changes and revision snapshots are all converted, so a restore brings back references too.
CREATE FUNCTION "newsdesk_tmp_image_gid"(p_id UUID) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT translate(rtrim(encode(convert_to('Image:' || p_id::text, 'UTF8'), 'base64'), '='), '+/', '-_')
$$;

-- A block's imageId: a public id made above, or a uuid left by an unconverted legacy block.
CREATE FUNCTION "newsdesk_tmp_image_uuid"(p_ref TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_ref ~* '^[0-9a-f-]{36}$' THEN lower(p_ref)
    ELSE substring(convert_from(decode(translate(p_ref, '-_', '+/') || repeat('=', (4 - length(p_ref) % 4) % 4), 'base64'), 'UTF8') FROM 7)
  END
$$;

CREATE FUNCTION "newsdesk_tmp_image_blocks"(p_body JSONB) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
  result JSONB := '[]';
  block JSONB;
  img RECORD;
BEGIN
  IF p_body IS NULL OR jsonb_typeof(p_body) <> 'array' THEN RETURN p_body; END IF;
  FOR block IN SELECT value FROM jsonb_array_elements(p_body) LOOP
    IF block->>'type' = 'image' AND block ? 'url' THEN
      SELECT i.id, i.caption, i.alt_text INTO img FROM images i
      WHERE CASE WHEN block ? 'imageId' THEN i.id::text = lower(block->>'imageId') ELSE i.url = block->>'url' END
      ORDER BY i.created_at LIMIT 1;
      IF FOUND THEN
        block := jsonb_build_object('type', 'image', 'imageId', newsdesk_tmp_image_gid(img.id))
          || CASE WHEN block ? 'caption' AND block->>'caption' IS DISTINCT FROM img.caption
               THEN jsonb_build_object('caption', block->'caption') ELSE '{}'::jsonb END
          || CASE WHEN block ? 'alt' AND block->>'alt' IS DISTINCT FROM img.alt_text
               THEN jsonb_build_object('alt', block->'alt') ELSE '{}'::jsonb END;
      END IF;
    END IF;
    result := result || jsonb_build_array(block);
  END LOOP;
  RETURN result;
END $$;

UPDATE "articles" SET body = newsdesk_tmp_image_blocks(body) WHERE body @? '$[*] ? (@.type == "image")';
UPDATE "articles" SET pending_changes = jsonb_set(pending_changes, '{body}', newsdesk_tmp_image_blocks(pending_changes->'body'))
WHERE pending_changes IS NOT NULL AND pending_changes->'body' @? '$[*] ? (@.type == "image")';
UPDATE "article_revisions" SET snapshot = jsonb_set(snapshot, '{content,body}', newsdesk_tmp_image_blocks(snapshot->'content'->'body'))
WHERE snapshot->'content'->'body' @? '$[*] ? (@.type == "image")';

-- The usage links of existing articles (the app rewrites them on every save from now on).
INSERT INTO "image_usages" (image_id, article_id, used_as, source, updated_at)
SELECT DISTINCT i.id, u.article_id, u.used_as, u.source, CURRENT_TIMESTAMP
FROM (
  SELECT id AS article_id, 'featured' AS used_as, 'live' AS source, featured_image_id::text AS ref FROM articles
  UNION ALL
  SELECT id, 'featured', 'pending', pending_changes->>'featuredImageId' FROM articles WHERE pending_changes IS NOT NULL
  UNION ALL
  SELECT a.id, 'body', 'live', newsdesk_tmp_image_uuid(b->>'imageId')
  FROM articles a, jsonb_array_elements(a.body) b WHERE b->>'type' = 'image' AND b ? 'imageId'
  UNION ALL
  SELECT a.id, 'body', 'pending', newsdesk_tmp_image_uuid(b->>'imageId')
  FROM articles a, jsonb_array_elements(a.pending_changes->'body') b
  WHERE a.pending_changes IS NOT NULL AND jsonb_typeof(a.pending_changes->'body') = 'array'
    AND b->>'type' = 'image' AND b ? 'imageId'
) u
JOIN images i ON i.id::text = u.ref;

DROP FUNCTION "newsdesk_tmp_image_blocks"(JSONB);
DROP FUNCTION "newsdesk_tmp_image_uuid"(TEXT);
DROP FUNCTION "newsdesk_tmp_image_gid"(UUID);
