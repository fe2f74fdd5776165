import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tsvector } from '../platform/db/columns.ts';
import type { NoticeFacts } from '../trading/trading.model.ts';

/** A node of a center's column tree (栏目). */
export const columns = pgTable(
  'site_column',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    parentId: integer('parent_id'),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // news | notice | policy | interpretation | finance | personnel | service_guide | exposure | annual_report | general
    columnType: text('column_type').notNull().default('信息公开'), // the ColumnType meta value
    description: text('description').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    isAggregating: boolean('is_aggregating').notNull().default(false),
    reviewChainId: integer('review_chain_id'),
    isInCatalog: boolean('is_in_catalog').notNull().default(true),
    catalogCategory: text('catalog_category').notNull().default(''),
  },
  (t) => [uniqueIndex('site_column_center_slug_uq').on(t.centerId, t.slug)],
);

export type ArticleFields = {
  // policy / normative document
  docNo?: string;
  issuingBody?: string;
  issuedOn?: string;
  effectiveOn?: string;
  repealedOn?: string;
  validity?: 'in_force' | 'amended' | 'repealed';
  isNormative?: boolean;
  // interpretation
  policyArticleId?: number;
  // service guide
  matter?: string;
  legalBasis?: string;
  conditions?: string;
  materials?: string;
  place?: string;
  hours?: string;
  phone?: string;
  process?: string;
  // trading notice: its structured facts, frozen with the revision like the text
  notice?: NoticeFacts;
};

/** A piece of government information. Its text lives in revisions; published text is never edited. */
export const articles = pgTable(
  'article',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    columnId: integer('column_id').notNull(),
    departmentId: integer('department_id'),
    authorId: integer('author_id').notNull(),
    // The public lifecycle: draft | scheduled | published | withdrawn | expired
    status: text('status').notNull(),
    // The working revision's review: none | in_review | rejected. A published article's working revision is a correction.
    reviewState: text('review_state').notNull().default('none'),
    currentRevisionId: integer('current_revision_id'),
    publishedRevisionId: integer('published_revision_id'),
    pendingCorrection: boolean('pending_correction').notNull().default(false),
    indexNo: text('index_no'),
    publisher: text('publisher').notNull(),
    title: text('title').notNull(), // of the published (or current draft) revision, for listing
    summary: text('summary').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    goLiveAt: timestamp('go_live_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    isForcePublished: boolean('is_force_published').notNull().default(false),
    lockVersion: integer('lock_version').notNull().default(0),
    viewCount: bigint('view_count', { mode: 'number' }).notNull().default(0),
    formedOn: date('formed_on'),
    search: tsvector('search'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Listing and search walk published articles newest first (a backward scan serves
    // ORDER BY published_at DESC, id DESC; a DESC NULLS LAST index would not), per column or across the site.
    index('article_column_published_idx').on(t.columnId, t.publishedAt, t.id).where(sql`status = 'published'`),
    index('article_published_idx').on(t.publishedAt, t.id).where(sql`status = 'published'`),
    // The minute job looks for due go-live and expiry times without scanning the table.
    index('article_go_live_idx').on(t.goLiveAt).where(sql`status = 'scheduled'`),
    index('article_expiry_idx').on(t.expiresAt).where(sql`status = 'published' and expires_at is not null`),
    index('article_center_pub_idx').on(t.centerId, t.publishedAt),
    index('article_status_idx').on(t.centerId, t.status),
    index('article_search_idx').using('gin', t.search),
    uniqueIndex('article_index_no_uq').on(t.centerId, t.indexNo),
  ],
);

/** Every saved state of an article. A published revision is frozen; corrections are new revisions. */
export const articleRevisions = pgTable(
  'article_revision',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id').notNull(),
    revisionNo: integer('revision_no').notNull(),
    title: text('title').notNull(),
    bodyHtml: text('body_html').notNull(),
    summary: text('summary').notNull().default(''),
    source: text('source').notNull().default(''),
    fields: jsonb('fields').$type<ArticleFields>().notNull().default({}),
    attachmentIds: jsonb('attachment_ids').$type<number[]>().notNull().default([]),
    contentHash: text('content_hash').notNull(),
    authorId: integer('author_id').notNull(),
    correctionNote: text('correction_note'),
    publishedVersionNo: integer('published_version_no'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('article_revision_no_uq').on(t.articleId, t.revisionNo)],
);

/** An uploaded file, stored under DATA_DIR/files by its SHA-256. */
export const attachments = pgTable('attachment', {
  id: serial('id').primaryKey(),
  centerId: integer('center_id').notNull(),
  originalName: text('original_name').notNull(),
  safeName: text('safe_name').notNull(),
  mime: text('mime').notNull(),
  ext: text('ext').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: integer('uploaded_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Page views, flushed from memory in batches. article_id 0 counts column pages. */
export const pageViewsDaily = pgTable(
  'page_views_daily',
  {
    day: date('day').notNull(),
    centerId: integer('center_id').notNull(),
    columnId: integer('column_id').notNull(),
    articleId: integer('article_id').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [uniqueIndex('page_views_daily_uq').on(t.day, t.centerId, t.columnId, t.articleId)],
);
