-- Data migration, written by hand: embed HTML used to be stored as the editor wrote it and sanitised
-- only when rendered, so the public body JSON carried it raw. It is now sanitised on write; this
-- enqueues the one-off job (article.sanitize-stored-embeds) that runs every stored body through the
-- same sanitiser, since SQL cannot. It runs once per database, in whichever process runs jobs.
INSERT INTO "jobs" ("id", "name", "payload", "run_at", "created_at", "updated_at")
VALUES (gen_random_uuid(), 'article.sanitize-stored-embeds', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
