import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Finding } from './checks/check.types.ts';
import type { Lot } from './trading.model.ts';

/** 招标代理机构: a firm registered at a center; its staff are users with agent_firm_id set. */
export const agentFirms = pgTable(
  'agent_firm',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    // SM2 public key (hex, uncompressed 04…) registered from the firm's CA lock; signatures are checked against it.
    sm2PublicKey: text('sm2_public_key'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agent_firm_center_credit_uq').on(t.centerId, t.creditCode)],
);

/** An API key of an agent firm. The key is shown once; the table holds its SHA-256. */
export const agentApiKeys = pgTable(
  'agent_api_key',
  {
    id: serial('id').primaryKey(),
    agentFirmId: integer('agent_firm_id').notNull(),
    keyPrefix: text('key_prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    label: text('label').notNull().default(''),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('agent_api_key_hash_uq').on(t.keyHash)],
);

/** 交易项目: one procedure, with its lots and key dates as moved by its published notices. */
export const projects = pgTable(
  'trading_project',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    // 统一交易标识码, 33 characters (reference/procurement-integrity.md §4.3)
    code: text('code').notNull(),
    projectNo: text('project_no').notNull(), // the agent's 项目编号
    name: text('name').notNull(),
    category: text('category').notNull(),
    method: text('method').notNull(),
    region: text('region').notNull(),
    tendererName: text('tenderer_name').notNull(),
    tendererCreditCode: text('tenderer_credit_code').notNull().default(''),
    agentFirmId: integer('agent_firm_id'),
    agentName: text('agent_name').notNull().default(''),
    // 预算金额 / 最高限价; for land and property sales the starting price (起始价), which the premium is measured against
    budgetFen: bigint('budget_fen', { mode: 'number' }),
    isMandatoryTendering: boolean('is_mandatory_tendering').notNull().default(false),
    lots: jsonb('lots').$type<Lot[]>().notNull().default([]),
    status: text('status').notNull().default('open'),
    docSaleStart: text('doc_sale_start'),
    docSaleEnd: text('doc_sale_end'),
    bidDeadline: timestamp('bid_deadline', { withTimezone: true }),
    openingAt: timestamp('opening_at', { withTimezone: true }),
    openingPlace: text('opening_place').notNull().default(''),
    awardAmountFen: bigint('award_amount_fen', { mode: 'number' }),
    awardedOn: text('awarded_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('trading_project_code_uq').on(t.code),
    index('trading_project_agent_idx').on(t.agentFirmId),
    index('trading_project_opening_idx').on(t.openingAt),
    index('trading_project_center_idx').on(t.centerId, t.category),
  ],
);

/**
 * A trading notice. Its text and structured facts live in the article revisions it rides on (one
 * publishing path, one log, one search); this row ties it to the project and carries the list filters.
 */
export const notices = pgTable(
  'trading_notice',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id').notNull(),
    projectId: integer('project_id').notNull(),
    centerId: integer('center_id').notNull(),
    type: text('type').notNull(),
    category: text('category').notNull(),
    method: text('method').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    amendsNoticeId: integer('amends_notice_id'),
    agentFirmId: integer('agent_firm_id'),
    source: text('source').notNull(), // agent_api | agent_web | staff | demo
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    signature: text('signature'),
    isSignatureVerified: boolean('is_signature_verified').notNull().default(false),
    findings: jsonb('findings').$type<Finding[]>().notNull().default([]),
    // 巡查: none (reviewed before publication) | pending | passed | correction_requested | withdrawn
    inspectionState: text('inspection_state').notNull().default('none'),
    inspectionNote: text('inspection_note').notNull().default(''),
    inspectedBy: integer('inspected_by'),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('trading_notice_article_uq').on(t.articleId),
    uniqueIndex('trading_notice_idem_uq').on(t.agentFirmId, t.idempotencyKey).where(sql`idempotency_key is not null`),
    index('trading_notice_project_idx').on(t.projectId),
    index('trading_notice_filter_idx').on(t.category, t.type),
    index('trading_notice_inspection_idx').on(t.centerId, t.inspectionState),
    // An amount range matching few notices is otherwise a scan of the whole table.
    index('trading_notice_amount_idx').on(t.amountFen),
  ],
);

/**
 * 投标文件下载 / 保证金缴纳: who obtained the tender documents or paid a deposit. Never public; sealed in
 * the back office until the project's opening time (Shaoyang: 保证金缴纳情况的保护).
 */
export const bidderRegistrations = pgTable(
  'bidder_registration',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id').notNull(),
    kind: text('kind').notNull(), // download | deposit
    bidderName: text('bidder_name').notNull(),
    creditCode: text('credit_code').notNull(),
    contactPhone: text('contact_phone').notNull().default(''),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    attachmentId: integer('attachment_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bidder_registration_project_idx').on(t.projectId, t.kind)],
);

/** Center policy per category: how agents' notices are published and how each rule acts. */
export const tradingPolicies = pgTable(
  'trading_policy',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    category: text('category').notNull(),
    // publish_then_inspect: agents publish at once and staff patrol afterwards; review_first: the center reviews before publication
    inspectionMode: text('inspection_mode').notNull().default('review_first'),
    ruleSeverity: jsonb('rule_severity').$type<Record<string, 'block' | 'warn' | 'off'>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('trading_policy_uq').on(t.centerId, t.category)],
);
