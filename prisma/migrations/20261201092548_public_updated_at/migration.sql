-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "public_updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Backfill, written by hand: when each article's public version last changed. Without pending
-- changes that is its last update. With pending changes, updated_at moved with those unpublished
-- edits, so it is the last publish recorded in the audit log (a first publish, or pending changes
-- going live: "article.updated" with a "from" status), else the publication time.
UPDATE "articles" AS a
SET "public_updated_at" = CASE
  WHEN a."pending_changes" IS NULL THEN a."updated_at"
  ELSE coalesce(
    (SELECT max(e."created_at") FROM "audit_entries" AS e
      WHERE e."entity_type" = 'Article' AND e."entity_id" = a."id"
        AND (e."action" = 'article.published' OR (e."action" = 'article.updated' AND e."details" ? 'from'))),
    a."published_at",
    a."updated_at")
END;
