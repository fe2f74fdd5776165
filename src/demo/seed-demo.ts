import { randomBytes } from 'node:crypto';
import { hashPassword } from '../accounts/passwords.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { centers } from '../centers/centers.tables.ts';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/client.ts';
import { writePublishedHistory, type DemoSite } from './demo-articles.ts';
import { publishDemoAnnualReports } from './demo-annual-reports.ts';
import { createDemoCenters } from './demo-centers.ts';
import { isGeneratedAnnualReport } from './demo-fixed-pages.ts';
import { createDemoColumns } from './demo-columns.ts';
import { planArticles } from './demo-plan.ts';
import { prepareDemoTrading, type DemoTradingReplay } from './demo-trading.ts';
import { seedDemoDisclosure } from './demo-disclosure.ts';
import { createDemoStaff, type CreatedUser } from './demo-users.ts';
import { writeWorkInProgress } from './demo-workflow.ts';
import { writeDemoMessages } from './demo-messages.ts';

export type DemoCredential = { username: string; password: string; displayName: string; centerCode: string; roles: string[]; totpSecret: string | null };

/**
 * Fills an empty database with the Hunan demo: five centers, their staff and review chains, columns, and
 * two years of published information replayed through the real publishing path. The content is the same
 * for the same clock; the shared password and the TOTP secrets are new on every run.
 */
export async function seedDemo(ctx: AppContext, opts: { articlesPerCenter?: number; tradingScale?: number } = {}): Promise<{ credentials: DemoCredential[]; replayTrading: DemoTradingReplay }> {
  if (await hasAnyCenter(ctx.db)) throw new Error('seedDemo needs an empty database: centers already exist');
  const password = newDemoPassword();
  // scrypt is deliberately slow: hash once, share the hash.
  const passwordHash = await hashPassword(password);
  const plan = planArticles({ now: ctx.clock(), articlesPerCenter: opts.articlesPerCenter }).filter((p) => !isGeneratedAnnualReport(p, ctx.clock()));

  const { sites, users } = await ctx.db.transaction(async (tx) => {
    const sites = new Map<string, DemoSite>();
    const users: CreatedUser[] = [];
    for (const demo of await createDemoCenters(tx)) {
      const { staff, created } = await createDemoStaff(tx, { demo, passwordHash });
      const columns = await createDemoColumns(tx, demo);
      sites.set(demo.profile.code, { demo, columns, staff });
      users.push(...created);
    }
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.seed', centerId: null, targetType: 'system', targetId: 'demo', details: { centers: sites.size, users: users.length, articles: plan.length } });
    return { sites, users };
  });
  ctx.centers.invalidate();

  await writePublishedHistory(ctx.db, { plan, sites });
  await writeWorkInProgress(ctx, { plan, sites });
  await writeDemoMessages(ctx, { sites });
  await seedDemoDisclosure(ctx, sites);
  await publishDemoAnnualReports(ctx, { sites, plan });
  const trading = await prepareDemoTrading(ctx, { sites, passwordHash, scale: opts.tradingScale });
  users.push(...trading.users);
  ctx.notifyOutbox();

  const credentials = users.map(({ user, centerCode, roles }) => ({ username: user.username, password, displayName: user.displayName, centerCode, roles: [...roles], totpSecret: user.totpSecret }));
  return { credentials, replayTrading: trading.replay };
}

/** Whether any center exists: start-up seeds the demo only into an empty database. */
export async function hasAnyCenter(db: Db): Promise<boolean> {
  const rows = await db.select({ id: centers.id }).from(centers).limit(1);
  return rows.length > 0;
}

/** 16 random base64url characters plus `Gk1`, so the strength rule (letters and digits) always holds. */
function newDemoPassword(): string {
  return `${randomBytes(12).toString('base64url')}Gk1`;
}
