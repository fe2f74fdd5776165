import { analyzeTables } from './platform/db/analyze.ts';
import path from 'node:path';
import { buildApp } from './app.ts';
import { createCalendarCache } from './calendar/calendar.service.ts';
import { createCenterTreeCache } from './centers/centers.service.ts';
import { countDemoUsers, deleteExpiredSessions } from './accounts/accounts.repo.ts';
import { hasAnyCenter, seedDemo, type DemoCredential } from './demo/seed-demo.ts';
import { DEMO_TRADING_DONE, type DemoTradingReplay } from './demo/demo-trading.ts';
import { hasAuditEvent } from './audit/audit.repo.ts';
import { backupPglite } from './platform/backup.ts';
import { loadConfig } from './platform/config.ts';
import { createContext } from './platform/context.ts';
import { openDatabase } from './platform/db/client.ts';
import { lockDataDir } from './platform/db/data-dir-lock.ts';
import { startBoss, stopBoss } from './platform/jobs.ts';
import { registerDisclosureJobs } from './disclosure/disclosure.jobs.ts';
import { JOB_RELAY_OUTBOX, registerPublishingJobs } from './publishing/publishing.jobs.ts';

const started = Date.now();
const config = loadConfig();
const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pgdata') });
const ctx = createContext({
  config,
  database,
  db: database.db,
  boss: undefined,
  centers: createCenterTreeCache(database.db),
  calendar: createCalendarCache(database.db),
  filesDir: path.join(config.dataDir, 'files'),
  clock: () => new Date(),
});

let credentials: DemoCredential[] = [];
let replayTrading: DemoTradingReplay | null = null;
if (!(await hasAnyCenter(ctx.db))) {
  if (!config.demoData) {
    console.error('数据库为空。生产模式不加载演示数据：请先运行 npm run init -- --code … --name … --index-prefix … 创建中心和管理员账号。');
    await database.close();
    unlock();
    process.exit(1);
  }
  ({ credentials, replayTrading } = await seedDemo(ctx, { tradingScale: config.demoTradingScale }));
} else if (config.isProduction && (await countDemoUsers(ctx.db)) > 0) {
  console.error('生产模式拒绝启动：数据库中含有演示账号（默认密码）。请使用新的数据库并运行 npm run init。');
  await database.close();
  unlock();
  process.exit(1);
} else if (!config.isProduction && (await countDemoUsers(ctx.db)) > 0 && !(await hasAuditEvent(ctx.db, DEMO_TRADING_DONE))) {
  console.warn('提示：上次启动时交易演示数据未写完就被中断。如需完整的演示数据，请删除 DATA_DIR 后重新启动。');
}

const boss = await startBoss(database);
ctx.boss = boss;
await registerPublishingJobs(boss, ctx, []);
await registerDisclosureJobs(boss, ctx);
ctx.onOutbox(() => {
  boss.send(JOB_RELAY_OUTBOX, {}, { singletonKey: 'relay', singletonSeconds: 1 }).catch(() => {});
});
// Planner statistics: PGlite runs no autovacuum, so search and listing plans need an explicit ANALYZE.
await boss.createQueue('platform.analyze');
await boss.work<{ whenStale?: boolean }>('platform.analyze', async ([job]) => {
  await analyzeTables(ctx.db, { whenStale: job?.data.whenStale === true });
});
await boss.schedule('platform.analyze', '0 3 * * *', {}, { tz: 'Asia/Shanghai' });
await boss.send('platform.analyze', { whenStale: true }, { startAfter: 10 });
await boss.createQueue('accounts.purge-sessions');
await boss.work('accounts.purge-sessions', async () => {
  await deleteExpiredSessions(ctx.db, new Date());
});
await boss.schedule('accounts.purge-sessions', '15 * * * *');
if (database.pglite) {
  const pglite = database.pglite;
  await boss.createQueue('platform.backup');
  await boss.work('platform.backup', async () => {
    await backupPglite(pglite, { dir: path.join(config.dataDir, 'backups'), keep: 7, now: new Date() });
  });
  await boss.schedule('platform.backup', '30 2 * * *', {}, { tz: 'Asia/Shanghai' });
}

const { app, close } = await buildApp(ctx);
await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
console.log(`公开平台已启动：http://${config.host}:${port}/ （数据库：${database.kind}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
if (credentials.length > 0) printCredentials(credentials);
console.log('ready');
const replayAbort = new AbortController();
const replaying = replayTrading ? runTradingReplay(replayTrading) : Promise.resolve();

/** The demo's year of trading is written while the server already serves the rest of the demo. */
async function runTradingReplay(replay: DemoTradingReplay): Promise<void> {
  console.log('正在后台写入一年的交易演示数据（招标、变更、候选人公示、结果和合同公告），期间可正常访问…');
  try {
    const s = await replay({ signal: replayAbort.signal, onProgress: (done, total) => done > 0 && console.log(`  交易演示数据：${done}/${total}`) });
    console.log(`demo trading ready：${s.published} 条交易公告已发布（${s.held} 条未通过检查），用时 ${(s.ms / 1000).toFixed(0)} 秒`);
  } catch (err) {
    if (!replayAbort.signal.aborted) console.error('交易演示数据写入失败：', err);
  }
}

let isStopping = false;
async function shutdown(signal: string) {
  if (isStopping) return;
  isStopping = true;
  console.log(`收到 ${signal}，正在关闭…`);
  replayAbort.abort();
  try {
    await replaying;
    await close();
    await stopBoss(boss);
    await database.close();
  } finally {
    unlock();
    process.exit(0);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

function printCredentials(list: DemoCredential[]) {
  console.log('\n演示账号（仅用于演示；生产模式拒绝加载演示数据）：');
  console.log(`  所有演示账号的密码：${list[0]?.password ?? ''}`);
  for (const c of list) {
    console.log(`  ${c.username.padEnd(18)} ${c.displayName.padEnd(10)} ${c.centerCode.padEnd(4)} ${c.roles.join(',')}${c.totpSecret ? `  TOTP 密钥：${c.totpSecret}` : ''}`);
  }
  console.log('');
}
