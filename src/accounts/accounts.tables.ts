import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'app_user',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    homeCenterId: integer('home_center_id').notNull(),
    departmentId: integer('department_id'),
    // Staff of an agent firm (招标代理机构) see only their firm's projects and notices.
    agentFirmId: integer('agent_firm_id'),
    passwordHash: text('password_hash').notNull(),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    totpLastStep: integer('totp_last_step').notNull().default(0),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    isDisabled: boolean('is_disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('app_user_username_uq').on(t.username)],
);

/** A role a user holds at one center. Roles never reach across centers. */
export const roleGrants = pgTable(
  'role_grant',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull(),
    centerId: integer('center_id').notNull(),
    role: text('role').notNull(), // editor | reviewer | center_admin | security_admin | auditor
  },
  (t) => [uniqueIndex('role_grant_uq').on(t.userId, t.centerId, t.role)],
);

/** A named group of reviewers (综合部, 主要领导 …) used by review steps. */
export const reviewGroups = pgTable('review_group', {
  id: serial('id').primaryKey(),
  centerId: integer('center_id').notNull(),
  name: text('name').notNull(),
});

export const reviewGroupMembers = pgTable(
  'review_group_member',
  {
    groupId: integer('group_id').notNull(),
    userId: integer('user_id').notNull(),
  },
  (t) => [uniqueIndex('review_group_member_uq').on(t.groupId, t.userId)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'session',
  {
    id: serial('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id').notNull(),
    isMfaPassed: boolean('is_mfa_passed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [uniqueIndex('session_token_uq').on(t.tokenHash), index('session_user_idx').on(t.userId)],
);

/** Failed-login counters per source address, so guessing across many usernames is slowed too. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
});
