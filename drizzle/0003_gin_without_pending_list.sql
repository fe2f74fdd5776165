-- PGlite runs no autovacuum, so a GIN pending list ("fastupdate") is merged only when it passes 4 MB and
-- every search scans it linearly until then. Publications are few; write straight into the index instead.
ALTER INDEX "article_search_idx" SET (fastupdate = off);
--> statement-breakpoint
SELECT gin_clean_pending_list('article_search_idx'::regclass);
