export const ROLES = ['editor', 'reviewer', 'center_admin', 'security_admin', 'auditor', 'agent', 'disclosure_officer', 'disclosure_head'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  editor: '编辑（起草人）',
  reviewer: '审核人',
  center_admin: '系统管理员',
  security_admin: '安全管理员',
  auditor: '安全审计员',
  agent: '代理机构经办人',
  disclosure_officer: '依申请公开与互动交流经办人',
  disclosure_head: '政府信息公开工作机构负责人',
};

export type Permission =
  | 'dashboard.view'
  | 'article.read'
  | 'article.edit'
  | 'review.act'
  | 'site.manage'
  | 'article.force_publish'
  | 'article.withdraw'
  | 'users.manage'
  | 'audit.read'
  | 'notice.submit'
  | 'agent.submit'
  | 'trading.inspect'
  | 'trading.manage'
  | 'trading.sealed_read'
  | 'disclosure.handle'
  | 'disclosure.approve'
  | 'message.handle';

/**
 * 三员分立: the system admin (center_admin) runs the site but cannot read the audit log or manage
 * accounts; the security admin manages accounts only; the auditor reads the audit log and changes nothing.
 */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  editor: ['dashboard.view', 'article.read', 'article.edit', 'notice.submit'],
  reviewer: ['dashboard.view', 'article.read', 'review.act', 'trading.inspect'],
  center_admin: ['dashboard.view', 'article.read', 'site.manage', 'article.force_publish', 'article.withdraw', 'trading.inspect', 'trading.manage', 'trading.sealed_read'],
  security_admin: ['dashboard.view', 'users.manage'],
  auditor: ['dashboard.view', 'audit.read'],
  // An agent firm's staff: submit and follow their own firm's notices, nothing else of the center.
  agent: ['agent.submit'],
  // 依申请公开 and 互动交流: the officer handles cases and messages; the head of the disclosure office also
  // approves extensions and replies (条例 第三十三条: 经政府信息公开工作机构负责人同意).
  disclosure_officer: ['dashboard.view', 'disclosure.handle', 'message.handle'],
  disclosure_head: ['dashboard.view', 'disclosure.handle', 'disclosure.approve', 'message.handle'],
};

/** Roles whose holders must pass TOTP two-factor before doing anything. */
// Disclosure staff read applicants' personal data: two-factor for them too.
export const ROLES_REQUIRING_2FA: readonly Role[] = ['reviewer', 'center_admin', 'security_admin', 'auditor', 'disclosure_officer', 'disclosure_head'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(roles: ReadonlySet<Role> | undefined, permission: Permission): boolean {
  if (!roles) return false;
  for (const r of roles) if (ROLE_PERMISSIONS[r].includes(permission)) return true;
  return false;
}

export function requiresTwoFactor(allRoles: Iterable<Role>): boolean {
  for (const r of allRoles) if (ROLES_REQUIRING_2FA.includes(r)) return true;
  return false;
}
