-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "article_status" AS ENUM ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "article_type" AS ENUM ('NEWS', 'ANALYSIS', 'OPINION', 'BRIEF', 'FEATURE', 'INTERVIEW', 'EXPLAINER', 'REVIEW');

-- CreateTable
CREATE TABLE "articles" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "dek" TEXT,
    "body" JSONB NOT NULL DEFAULT '[]',
    "body_text" TEXT NOT NULL DEFAULT '',
    "teaser" TEXT,
    "type" "article_type" NOT NULL DEFAULT 'NEWS',
    "status" "article_status" NOT NULL DEFAULT 'DRAFT',
    "section_id" UUID,
    "series_id" UUID,
    "featured_image_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "word_count" INTEGER NOT NULL DEFAULT 0,
    "reading_time_minutes" INTEGER NOT NULL DEFAULT 0,
    "seo_title" TEXT,
    "seo_description" TEXT,
    "canonical_url" TEXT,
    "search_vector" tsvector,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_slugs" (
    "slug" TEXT NOT NULL,
    "article_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "article_slugs_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "article_authors" (
    "article_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "article_authors_pkey" PRIMARY KEY ("article_id","author_id")
);

-- CreateTable
CREATE TABLE "article_tags" (
    "article_id" UUID NOT NULL,
    "tag_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "article_tags_pkey" PRIMARY KEY ("article_id","tag_id")
);

-- CreateTable
CREATE TABLE "authors" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "bio" TEXT,
    "avatar_id" UUID,
    "social_links" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "authors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tags" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sections" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "sections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "series" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "images" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "alt_text" TEXT,
    "caption" TEXT,
    "credit" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "images_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "articles_slug_key" ON "articles"("slug");

-- CreateIndex
CREATE INDEX "articles_latest_idx" ON "articles"("status", "published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "articles_by_section_idx" ON "articles"("section_id", "status", "published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "articles_by_series_idx" ON "articles"("series_id", "status", "published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "articles_by_type_idx" ON "articles"("type", "status", "published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "articles_search_idx" ON "articles" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "article_slugs_by_article_idx" ON "article_slugs"("article_id");

-- CreateIndex
CREATE INDEX "article_authors_by_author_idx" ON "article_authors"("author_id", "published_at" DESC, "article_id" DESC);

-- CreateIndex
CREATE INDEX "article_tags_by_tag_idx" ON "article_tags"("tag_id", "published_at" DESC, "article_id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "authors_slug_key" ON "authors"("slug");

-- CreateIndex
CREATE INDEX "authors_by_name_idx" ON "authors"("name");

-- CreateIndex
CREATE UNIQUE INDEX "tags_slug_key" ON "tags"("slug");

-- CreateIndex
CREATE INDEX "tags_by_name_idx" ON "tags"("name");

-- CreateIndex
CREATE UNIQUE INDEX "sections_slug_key" ON "sections"("slug");

-- CreateIndex
CREATE INDEX "sections_by_position_idx" ON "sections"("position", "name");

-- CreateIndex
CREATE UNIQUE INDEX "series_slug_key" ON "series"("slug");

-- CreateIndex
CREATE INDEX "series_by_name_idx" ON "series"("name");

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_featured_image_id_fkey" FOREIGN KEY ("featured_image_id") REFERENCES "images"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_slugs" ADD CONSTRAINT "article_slugs_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_authors" ADD CONSTRAINT "article_authors_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_authors" ADD CONSTRAINT "article_authors_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "authors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_tags" ADD CONSTRAINT "article_tags_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_tags" ADD CONSTRAINT "article_tags_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "authors" ADD CONSTRAINT "authors_avatar_id_fkey" FOREIGN KEY ("avatar_id") REFERENCES "images"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ------------------------------------------------------------------------------------------------
-- Hand-written from here on: full-text search on articles.search_vector (headline and tag names
-- weigh A, dek B, body text C). Prisma's diff neither creates nor sees functions and triggers, so
-- they are written here and the drift check stays clean.
-- ------------------------------------------------------------------------------------------------

-- One definition of the vector, shared by every trigger below. Tag names come from the join table,
-- so the vector depends on rows outside the article: the tag triggers recompute it.
CREATE FUNCTION "articles_search_vector"(p_article_id UUID, p_headline TEXT, p_dek TEXT, p_body_text TEXT)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(p_headline, '')), 'A')
      || setweight(to_tsvector('english', coalesce((
           SELECT string_agg(t."name", ' ' ORDER BY x."position")
           FROM "article_tags" x JOIN "tags" t ON t."id" = x."tag_id"
           WHERE x."article_id" = p_article_id), '')), 'A')
      || setweight(to_tsvector('english', coalesce(p_dek, '')), 'B')
      || setweight(to_tsvector('english', coalesce(p_body_text, '')), 'C')
$$;

CREATE FUNCTION "articles_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_vector" := "articles_search_vector"(NEW."id", NEW."headline", NEW."dek", NEW."body_text");
  RETURN NEW;
END
$$;

-- Limited to the text columns: publishing or archiving need not re-parse the body, and the tag
-- triggers' UPDATE (which sets only search_vector) does not fire it a second time.
CREATE TRIGGER "articles_search_vector_refresh"
BEFORE INSERT OR UPDATE OF "headline", "dek", "body_text" ON "articles"
FOR EACH ROW EXECUTE FUNCTION "articles_search_vector_refresh"();

-- OLD is NULL on INSERT and NEW is NULL on DELETE (PostgreSQL 11+), so one IN list covers every
-- event, including an UPDATE that moves a tag to another article. When an article is deleted, the
-- cascaded article_tags deletes find no article left to update.
CREATE FUNCTION "article_tags_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "articles" a
     SET "search_vector" = "articles_search_vector"(a."id", a."headline", a."dek", a."body_text")
   WHERE a."id" IN (OLD."article_id", NEW."article_id");
  RETURN NULL;
END
$$;

CREATE TRIGGER "article_tags_search_vector_refresh"
AFTER INSERT OR DELETE OR UPDATE OF "article_id", "tag_id" ON "article_tags"
FOR EACH ROW EXECUTE FUNCTION "article_tags_search_vector_refresh"();

CREATE FUNCTION "tags_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "articles" a
     SET "search_vector" = "articles_search_vector"(a."id", a."headline", a."dek", a."body_text")
   WHERE a."id" IN (SELECT x."article_id" FROM "article_tags" x WHERE x."tag_id" = NEW."id");
  RETURN NULL;
END
$$;

CREATE TRIGGER "tags_search_vector_refresh"
AFTER UPDATE OF "name" ON "tags"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
EXECUTE FUNCTION "tags_search_vector_refresh"();
