/**
 * First-time set-up of a production installation: the root center, its standard columns, the default
 * four-level review chain, and the three administrators of 三员分立, each with a one-time password that
 * must be changed at first login (TOTP enrollment follows). Usage:
 *   npm run init -- --code hn --name 湖南省公共资源交易中心 --index-prefix 12430000MB1234567X
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { insertGrant, insertUser } from '../accounts/accounts.repo.ts';
import type { Role } from '../accounts/accounts.policy.ts';
import { reviewGroups } from '../accounts/accounts.tables.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { insertCenter, insertDepartment, listCenters, updateCenter } from '../centers/centers.repo.ts';
import { createStandardColumns } from '../content/standard-columns.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/client.ts';
import { lockDataDir } from '../platform/db/data-dir-lock.ts';
import { insertChain } from '../review/review.repo.ts';
import { DEFAULT_STEP_NAMES } from '../review/review.service.ts';

const { values } = parseArgs({
  options: {
    code: { type: 'string' },
    name: { type: 'string' },
    'site-name': { type: 'string' },
    'index-prefix': { type: 'string' },
    level: { type: 'string', default: 'province' },
  },
});
const code = values.code ?? '';
const name = values.name ?? '';
const indexPrefix = values['index-prefix'] ?? '';
if (!/^[a-z][a-z0-9-]{1,19}$/.test(code) || name.length < 4 || !/^[0-9A-Z]{6,30}$/.test(indexPrefix) || !['province', 'city', 'county'].includes(values.level ?? '')) {
  console.error('用法：npm run init -- --code hn --name 湖南省公共资源交易中心 --index-prefix 12430000MB1234567X [--site-name 网站名称] [--level province|city|county]');
  console.error('  --code 小写字母开头的中心代码；--index-prefix 索引号前缀（一般为统一社会信用代码）');
  process.exit(2);
}

const config = loadConfig();
const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pgdata') });
try {
  if ((await listCenters(database.db)).length > 0) {
    console.error('数据库中已有中心，初始化只能在空数据库上执行。');
    process.exitCode = 1;
  } else {
    const accounts: { username: string; password: string; role: Role; label: string }[] = [
      { username: `${code}.security`, password: oneTimePassword(), role: 'security_admin', label: '安全管理员' },
      { username: `${code}.admin`, password: oneTimePassword(), role: 'center_admin', label: '系统管理员' },
      { username: `${code}.auditor`, password: oneTimePassword(), role: 'auditor', label: '安全审计员' },
    ];
    const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
    await database.db.transaction(async (tx) => {
      const center = await insertCenter(tx, { parentId: null, code, level: values.level ?? 'province', name, shortName: name.replace(/公共资源交易中心$/, ''), siteName: values['site-name'] ?? `${name}网站`, hostUnit: name, indexPrefix });
      const office = await insertDepartment(tx, { centerId: center.id, name: '办公室（综合部）' });
      await createStandardColumns(tx, { centerId: center.id, aggregating: ['news', 'notice'] });
      const [officeGroup] = await tx.insert(reviewGroups).values({ centerId: center.id, name: '综合部' }).returning();
      const [directors] = await tx.insert(reviewGroups).values({ centerId: center.id, name: '主要领导' }).returning();
      if (!officeGroup || !directors) throw new Error('review groups not created');
      const chain = await insertChain(tx, {
        centerId: center.id,
        name: '四级审核',
        steps: [
          { name: DEFAULT_STEP_NAMES[0], assignee: { kind: 'drafter_dept_head' } },
          { name: DEFAULT_STEP_NAMES[1], assignee: { kind: 'group', groupId: officeGroup.id } },
          { name: DEFAULT_STEP_NAMES[2], assignee: { kind: 'dept_leader' } },
          { name: DEFAULT_STEP_NAMES[3], assignee: { kind: 'group', groupId: directors.id } },
        ],
      });
      await updateCenter(tx, center.id, { defaultChainId: chain.id });
      for (const [i, a] of accounts.entries()) {
        const user = await insertUser(tx, { username: a.username, displayName: a.label, homeCenterId: center.id, departmentId: office.id, passwordHash: hashes[i] ?? '', mustChangePassword: true });
        await insertGrant(tx, { userId: user.id, centerId: center.id, role: a.role });
      }
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'center.init', centerId: center.id, targetType: 'center', targetId: center.id, after: { code, name } });
    });
    console.log(`已创建中心“${name}”、标准栏目和四级审核流程。以下一次性密码只显示这一次，首次登录须修改密码并绑定动态口令：`);
    for (const a of accounts) console.log(`  ${a.label}  ${a.username}  ${a.password}`);
  }
} finally {
  await database.close();
  unlock();
}

function oneTimePassword(): string {
  return `${randomBytes(12).toString('base64url')}7a`;
}
