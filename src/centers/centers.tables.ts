import { boolean, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A trading center (省 → 市州 → 县区) and its portal settings. */
export const centers = pgTable(
  'center',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id'),
    code: text('code').notNull(),
    level: text('level').notNull(), // province | city | county
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    siteName: text('site_name').notNull(),
    domain: text('domain'),
    hostUnit: text('host_unit').notNull(), // 主办单位
    icpNo: text('icp_no').notNull().default(''),
    psbNo: text('psb_no').notNull().default(''), // 公安备案
    siteIdCode: text('site_id_code').notNull().default(''), // 网站标识码
    logoText: text('logo_text').notNull().default(''),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    fax: text('fax').notNull().default(''),
    email: text('email').notNull().default(''),
    officeHours: text('office_hours').notNull().default(''),
    indexPrefix: text('index_prefix').notNull(), // 索引号 prefix, e.g. the organisation code
    creditCode: text('credit_code').notNull().default(''), // 统一社会信用代码, the first 18 characters of 统一交易标识码
    defaultChainId: integer('default_chain_id'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('center_code_uq').on(t.code)],
);

/** A department (科室) of a center, with its head and the leader in charge of it (分管领导). */
export const departments = pgTable('department', {
  id: serial('id').primaryKey(),
  centerId: integer('center_id').notNull(),
  name: text('name').notNull(),
  headUserId: integer('head_user_id'),
  leaderUserId: integer('leader_user_id'),
});
