import { insertGrant, insertUser, type User } from '../accounts/accounts.repo.ts';
import { requiresTwoFactor, type Role } from '../accounts/accounts.policy.ts';
import { reviewGroupMembers, reviewGroups } from '../accounts/accounts.tables.ts';
import { newTotpSecret } from '../accounts/totp.ts';
import { updateCenter, updateDepartment } from '../centers/centers.repo.ts';
import type { Executor } from '../platform/db/client.ts';
import { insertChain } from '../review/review.repo.ts';
import { DEFAULT_STEP_NAMES } from '../review/review.service.ts';
import type { StepAssignee } from '../review/review.tables.ts';
import type { DemoCenter, DepartmentKey } from './demo-centers.ts';
import { createRng } from './demo-random.ts';
import { personNames } from './demo-text.ts';

export const STAFF_KEYS = [
  'editor',
  'editor2',
  'editorTrade',
  'editorPolicy',
  'headInfo',
  'headTrade',
  'headPolicy',
  'office1',
  'office2',
  'leader',
  'director',
  'director2',
  'admin',
  'security',
  'auditor',
  'foiOfficer',
  'foiHead',
] as const;
export type StaffKey = (typeof STAFF_KEYS)[number];

type StaffSpec = { suffix: string; department: DepartmentKey | null; roles: Role[]; isProvinceOnly: boolean };

/**
 * Who works at each demo center. Every step of the 四级审核 chain has its own people, so nobody ever
 * approves two steps of one item and no drafter reviews their own work.
 */
const STAFF_SPECS: Record<StaffKey, StaffSpec> = {
  editor: { suffix: 'editor', department: 'info', roles: ['editor'], isProvinceOnly: false },
  editor2: { suffix: 'editor2', department: 'info', roles: ['editor'], isProvinceOnly: true },
  editorTrade: { suffix: 'editor.trade', department: 'trade', roles: ['editor'], isProvinceOnly: false },
  editorPolicy: { suffix: 'editor.policy', department: 'policy', roles: ['editor'], isProvinceOnly: true },
  headInfo: { suffix: 'head.info', department: 'info', roles: ['reviewer'], isProvinceOnly: false },
  headTrade: { suffix: 'head.trade', department: 'trade', roles: ['reviewer'], isProvinceOnly: false },
  headPolicy: { suffix: 'head.policy', department: 'policy', roles: ['reviewer'], isProvinceOnly: true },
  office1: { suffix: 'office1', department: 'office', roles: ['reviewer'], isProvinceOnly: false },
  office2: { suffix: 'office2', department: 'office', roles: ['reviewer'], isProvinceOnly: false },
  leader: { suffix: 'leader', department: null, roles: ['reviewer'], isProvinceOnly: false },
  director: { suffix: 'director', department: null, roles: ['reviewer'], isProvinceOnly: false },
  director2: { suffix: 'director2', department: null, roles: ['reviewer'], isProvinceOnly: true },
  admin: { suffix: 'admin', department: 'info', roles: ['center_admin'], isProvinceOnly: false },
  security: { suffix: 'security', department: 'office', roles: ['security_admin'], isProvinceOnly: false },
  auditor: { suffix: 'auditor', department: 'office', roles: ['auditor'], isProvinceOnly: false },
  // 依申请公开 and 互动交流: the officer handles cases and messages, the head of the disclosure office consents.
  foiOfficer: { suffix: 'foi', department: 'office', roles: ['disclosure_officer'], isProvinceOnly: false },
  foiHead: { suffix: 'foi.head', department: 'office', roles: ['disclosure_head'], isProvinceOnly: false },
};

export type DemoStaff = Partial<Record<StaffKey, User>>;

export type CreatedUser = { user: User; centerCode: string; roles: Role[] };

/**
 * Creates the staff of one center with their roles (the password hash is computed once by the caller),
 * then sets department heads and leaders, the review groups and the default 四级审核 chain.
 */
export async function createDemoStaff(ex: Executor, opts: { demo: DemoCenter; passwordHash: string }): Promise<{ staff: DemoStaff; created: CreatedUser[] }> {
  const { demo } = opts;
  const isProvince = demo.profile.level === 'province';
  const keys = STAFF_KEYS.filter((k) => isProvince || !STAFF_SPECS[k].isProvinceOnly);
  const names = personNames(createRng(`staff:${demo.profile.code}`), keys.length);
  const staff: DemoStaff = {};
  const created: CreatedUser[] = [];
  for (const [i, key] of keys.entries()) {
    const spec = STAFF_SPECS[key];
    const isTwoFactor = requiresTwoFactor(spec.roles);
    const user = await insertUser(ex, {
      username: `${demo.profile.code}.${spec.suffix}`,
      displayName: names[i] ?? `${demo.profile.code}${i}`,
      homeCenterId: demo.center.id,
      departmentId: spec.department ? demo.departments[spec.department].id : null,
      passwordHash: opts.passwordHash,
      totpSecret: isTwoFactor ? newTotpSecret() : null,
      totpEnabled: isTwoFactor,
      isDemo: true,
    });
    for (const role of spec.roles) await insertGrant(ex, { userId: user.id, centerId: demo.center.id, role });
    staff[key] = user;
    created.push({ user, centerCode: demo.profile.code, roles: spec.roles });
  }
  await assignDepartments(ex, demo, staff);
  await createReviewSetup(ex, demo, staff);
  return { staff, created };
}

/** The staff member of a key, for keys every center has. */
export function staffMember(staff: DemoStaff, key: StaffKey): User {
  const u = staff[key];
  if (!u) throw new Error(`demo staff ${key} missing`);
  return u;
}

async function assignDepartments(ex: Executor, demo: DemoCenter, staff: DemoStaff): Promise<void> {
  const leader = staffMember(staff, 'leader').id;
  const d = demo.departments;
  await updateDepartment(ex, d.office.id, { headUserId: staffMember(staff, 'office1').id, leaderUserId: leader });
  await updateDepartment(ex, d.info.id, { headUserId: staffMember(staff, 'headInfo').id, leaderUserId: leader });
  await updateDepartment(ex, d.trade.id, { headUserId: staffMember(staff, 'headTrade').id, leaderUserId: leader });
  await updateDepartment(ex, d.policy.id, { headUserId: staff.headPolicy?.id ?? null, leaderUserId: leader });
  await updateDepartment(ex, d.expert.id, { leaderUserId: leader });
}

async function createReviewSetup(ex: Executor, demo: DemoCenter, staff: DemoStaff): Promise<void> {
  const officeGroup = await insertGroup(ex, { centerId: demo.center.id, name: '综合部', members: [staffMember(staff, 'office1'), staffMember(staff, 'office2')] });
  const directors = [staffMember(staff, 'director'), ...(staff.director2 ? [staff.director2] : [])];
  const directorGroup = await insertGroup(ex, { centerId: demo.center.id, name: '主要领导', members: directors });
  const assignees: StepAssignee[] = [{ kind: 'drafter_dept_head' }, { kind: 'group', groupId: officeGroup }, { kind: 'dept_leader' }, { kind: 'group', groupId: directorGroup }];
  const steps = DEFAULT_STEP_NAMES.map((name, i) => {
    const assignee = assignees[i];
    if (!assignee) throw new Error(`no assignee for step ${name}`);
    return { name, assignee };
  });
  const chain = await insertChain(ex, { centerId: demo.center.id, name: '四级审核', steps });
  await updateCenter(ex, demo.center.id, { defaultChainId: chain.id });
  demo.center.defaultChainId = chain.id;
}

/** Review groups have no repo function yet; this is the only direct insert the demo makes into them. */
async function insertGroup(ex: Executor, opts: { centerId: number; name: string; members: User[] }): Promise<number> {
  const [group] = await ex.insert(reviewGroups).values({ centerId: opts.centerId, name: opts.name }).returning({ id: reviewGroups.id });
  if (!group) throw new Error('insert review group returned nothing');
  await ex.insert(reviewGroupMembers).values(opts.members.map((m) => ({ groupId: group.id, userId: m.id })));
  return group.id;
}
