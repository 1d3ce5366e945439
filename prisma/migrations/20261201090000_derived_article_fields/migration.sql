-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "body_html" TEXT,
ADD COLUMN     "derived_version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "display_label" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "display_teaser" TEXT,
ADD COLUMN     "label" TEXT;

-- The public read path builds its JSON in PostgreSQL; times go out as Date.toISOString writes them
-- (UTC, milliseconds, "Z"), the form the API has always used.
CREATE FUNCTION newsdesk_iso_time(p_time TIMESTAMPTZ) RETURNS TEXT
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT to_char(p_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;
