export const ROLES = ['editor', 'reviewer', 'center_admin', 'security_admin', 'auditor', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  editor: '编辑（起草人）',
  reviewer: '审核人',
  center_admin: '系统管理员',
  security_admin: '安全管理员',
  auditor: '安全审计员',
  agent: '代理机构经办人',
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
  | 'trading.sealed_read';

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
};

/** Roles whose holders must pass TOTP two-factor before doing anything. */
export const ROLES_REQUIRING_2FA: readonly Role[] = ['reviewer', 'center_admin', 'security_admin', 'auditor'];

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
