-- Hand-written (invisible to Prisma's diff): article_tags and article_authors carry a copy of the
-- article's published_at so that a tag or author page is one index range scan in publication order.
-- These triggers keep every copy equal to the article's value, whoever writes the rows.

CREATE FUNCTION article_links_copy_published_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.published_at := (SELECT published_at FROM articles WHERE id = NEW.article_id);
  RETURN NEW;
END
$$;

CREATE TRIGGER article_tags_copy_published_at
  BEFORE INSERT OR UPDATE ON article_tags
  FOR EACH ROW EXECUTE FUNCTION article_links_copy_published_at();

CREATE TRIGGER article_authors_copy_published_at
  BEFORE INSERT OR UPDATE ON article_authors
  FOR EACH ROW EXECUTE FUNCTION article_links_copy_published_at();

CREATE FUNCTION articles_propagate_published_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article_tags SET published_at = NEW.published_at WHERE article_id = NEW.id;
  UPDATE article_authors SET published_at = NEW.published_at WHERE article_id = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER articles_propagate_published_at
  AFTER UPDATE OF published_at ON articles
  FOR EACH ROW WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at)
  EXECUTE FUNCTION articles_propagate_published_at();
