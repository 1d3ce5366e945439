-- The related-articles rail joins up to 1,200 candidate ids (the newest 200 of each tag the article has)
-- to articles for their section, publication time and visibility. Through the primary key that is one
-- heap page per candidate, which at 1M articles no longer stays in cache; this index answers all of it
-- with index-only scans (measured in BENCHMARKS.md, "B at 1M"). The columns change only on publish,
-- unpublish, trash and a section move, never on an editor's save.
-- A plain CREATE INDEX: it blocks writes to articles while it builds (seconds at 1M articles).
CREATE INDEX "articles_rank_idx" ON "articles"("id", "section_id", "status", "deleted_at", "published_at");
