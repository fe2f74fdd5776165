DROP INDEX "article_column_pub_idx";--> statement-breakpoint
CREATE INDEX "article_column_published_idx" ON "article" USING btree ("column_id","published_at","id") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "article_published_idx" ON "article" USING btree ("published_at","id") WHERE status = 'published';