import { insertGrant, insertUser, type User } from '../../src/accounts/accounts.repo.ts';
import { reviewGroupMembers, reviewGroups } from '../../src/accounts/accounts.tables.ts';
import type { Role } from '../../src/accounts/accounts.policy.ts';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { newTotpSecret } from '../../src/accounts/totp.ts';
import { insertCenter, insertDepartment, updateCenter, updateDepartment, type Center } from '../../src/centers/centers.repo.ts';
import { insertColumn, type Column } from '../../src/content/columns.repo.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { insertChain } from '../../src/review/review.repo.ts';

export const PASSWORD = 'Test-password-2026';
let passwordHash: Promise<string> | undefined;

export type Staff = User & { totpSecret: string | null };
export type CenterFixture = {
  center: Center;
  columns: Record<'news' | 'notice' | 'policy' | 'interpretation' | 'guide', Column>;
  users: Record<'editor' | 'editor2' | 'head' | 'office1' | 'office2' | 'leader' | 'director' | 'admin' | 'security' | 'auditor' | 'outsider' | 'officer' | 'foiHead', Staff>;
};

/** A center with a department, the four-step chain and a person for every role (reviewers enrolled in TOTP). */
export async function makeCenter(ctx: AppContext, opts: { code: string; parentId?: number | null; name?: string }): Promise<CenterFixture> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const center = await insertCenter(ctx.db, {
    parentId: opts.parentId ?? null,
    code: opts.code,
    level: opts.parentId ? 'city' : 'province',
    name: opts.name ?? `${opts.code}公共资源交易中心`,
    shortName: opts.code,
    siteName: `${opts.code}公共资源交易服务平台`,
    hostUnit: `${opts.code}公共资源交易中心`,
    icpNo: '湘ICP备00000000号',
    psbNo: '湘公网安备 43000000000000号',
    siteIdCode: '4300000000',
    indexPrefix: `12430000TEST${opts.code.toUpperCase()}`,
  });
  const dept = await insertDepartment(ctx.db, { centerId: center.id, name: '信息部' });
  const mk = async (key: string, roles: Role[], isTotp: boolean): Promise<Staff> => {
    const totpSecret = isTotp ? newTotpSecret() : null;
    const u = await insertUser(ctx.db, { username: `${opts.code}.${key}`, displayName: `${opts.code}${key}`, homeCenterId: center.id, departmentId: dept.id, passwordHash: hash, totpSecret, totpEnabled: isTotp });
    for (const role of roles) await insertGrant(ctx.db, { userId: u.id, centerId: center.id, role });
    return { ...u, totpSecret };
  };
  const users = {
    editor: await mk('editor', ['editor'], false),
    editor2: await mk('editor2', ['editor'], false),
    head: await mk('head', ['reviewer'], true),
    office1: await mk('office1', ['reviewer'], true),
    office2: await mk('office2', ['reviewer'], true),
    leader: await mk('leader', ['reviewer'], true),
    director: await mk('director', ['reviewer'], true),
    admin: await mk('admin', ['center_admin'], true),
    security: await mk('security', ['security_admin'], true),
    auditor: await mk('auditor', ['auditor'], true),
    outsider: await mk('outsider', [], false),
    officer: await mk('officer', ['disclosure_officer'], true),
    foiHead: await mk('foihead', ['disclosure_head'], true),
  };
  await updateDepartment(ctx.db, dept.id, { headUserId: users.head.id, leaderUserId: users.leader.id });
  const [office] = await ctx.db.insert(reviewGroups).values({ centerId: center.id, name: '综合部' }).returning();
  const [directors] = await ctx.db.insert(reviewGroups).values({ centerId: center.id, name: '主要领导' }).returning();
  if (!office || !directors) throw new Error('groups');
  await ctx.db.insert(reviewGroupMembers).values([
    { groupId: office.id, userId: users.office1.id },
    { groupId: office.id, userId: users.office2.id },
    { groupId: directors.id, userId: users.director.id },
  ]);
  const chain = await insertChain(ctx.db, {
    centerId: center.id,
    name: '四级审核',
    steps: [
      { name: '起草部门负责人初审', assignee: { kind: 'drafter_dept_head' } },
      { name: '综合部核稿', assignee: { kind: 'group', groupId: office.id } },
      { name: '分管领导审阅', assignee: { kind: 'dept_leader' } },
      { name: '主要领导审定发布', assignee: { kind: 'group', groupId: directors.id } },
    ],
  });
  await updateCenter(ctx.db, center.id, { defaultChainId: chain.id });
  const col = (slug: string, name: string, kind: string, sortOrder: number) => insertColumn(ctx.db, { centerId: center.id, slug, name, kind, sortOrder, catalogCategory: name });
  const columns = {
    news: await col('news', '工作动态', 'news', 1),
    notice: await col('notice', '通知公告', 'notice', 2),
    policy: await col('policy', '政策文件', 'policy', 3),
    interpretation: await col('interpretation', '政策解读', 'interpretation', 4),
    guide: await col('guide', '办事指南', 'service_guide', 5),
  };
  ctx.centers.invalidate();
  return { center: { ...center, defaultChainId: chain.id }, columns, users };
}
