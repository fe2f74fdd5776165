import { insertGrant, insertUser } from '../accounts/accounts.repo.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/audit.service.ts';
import { updateCenter } from '../centers/centers.repo.ts';
import { findColumnBySlug, updateColumn } from '../content/columns.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { formatDate } from '../platform/dates.ts';
import { insertChain } from '../review/review.repo.ts';
import { inspectNotice } from '../trading/operations/inspect-notice.ts';
import { submitNotice, type Submitter } from '../trading/operations/submit-notice.ts';
import { generateSm2KeyPair } from '../trading/signature.ts';
import { CATEGORIES, type Category } from '../trading/trading.model.ts';
import { insertAgentFirm, insertRegistration, listInspectionQueue, upsertPolicy, type AgentFirm } from '../trading/trading.repo.ts';
import type { DemoSite } from './demo-articles.ts';
import { unitCreditCode } from './demo-trading-names.ts';
import { planDemoTrading } from './demo-trading-plan.ts';
import type { CreatedUser } from './demo-users.ts';

const DAY = 86_400_000;
const CENTER_REGION_CODES: Record<string, string> = { hn: '430000', cs: '430100', zz: '430200', sy: '430500', sd: '430582' };

/** Centers that let agents publish at once and patrol afterwards (Guyuan style); the others review first. */
const PUBLISH_THEN_INSPECT: Record<string, readonly Category[]> = { hn: ['works', 'procurement'], cs: ['works', 'procurement', 'land_mining'], zz: ['works'], sy: ['works', 'procurement'], sd: [] };

export type DemoTradingSummary = { agents: number; submitted: number; published: number; held: number; ms: number };

export type DemoTradingReplay = (opts: { signal: AbortSignal; onProgress?: (done: number, total: number) => void }) => Promise<DemoTradingSummary>;

/**
 * A year of trading for the demo province: the agent firms and their staff now (so their accounts can be
 * printed), and a replay of every notice through the real submission path (parsing, statutory checks, the
 * publishing transaction and its log) with the clock set to each notice's time. PGlite needs ~30 ms a
 * notice, so the server runs the replay in the background after it starts listening.
 */
export async function prepareDemoTrading(ctx: AppContext, opts: { sites: Map<string, DemoSite>; passwordHash: string; scale?: number }): Promise<{ users: CreatedUser[]; replay: DemoTradingReplay }> {
  const now = ctx.clock();
  const plan = planDemoTrading({ seed: 2026, endDate: formatDate(now), scale: opts.scale ?? 1 });
  const users: CreatedUser[] = [];
  const firms = new Map<string, { firm: AgentFirm; userId: number; actor: Actor }>();

  await ctx.db.transaction(async (tx) => {
    for (const site of opts.sites.values()) {
      const regionCode = CENTER_REGION_CODES[site.demo.profile.code] ?? '430000';
      await updateCenter(tx, site.demo.center.id, { creditCode: unitCreditCode({ name: site.demo.center.name, kind: 'institution', regionCode }) });
      const column = await findColumnBySlug(tx, site.demo.center.id, 'trading');
      if (column) {
        const chain = await insertChain(tx, { centerId: site.demo.center.id, name: '交易信息审核', steps: [{ name: '交易服务科审核', assignee: { kind: 'role', role: 'reviewer' } }] });
        await updateColumn(tx, column.id, { reviewChainId: chain.id });
      }
      // While the year is replayed every notice publishes at once; the centers' own policies are set after.
      for (const category of CATEGORIES) await upsertPolicy(tx, { centerId: site.demo.center.id, category, inspectionMode: 'publish_then_inspect', ruleSeverity: {} });
    }
    for (const a of plan.agents) {
      const site = opts.sites.get(a.centerCode);
      if (!site) continue;
      const firm = await insertAgentFirm(tx, { centerId: site.demo.center.id, name: a.name, creditCode: a.creditCode, contactName: a.contactName, contactPhone: a.contactPhone, sm2PublicKey: generateSm2KeyPair().publicKey });
      const user = await insertUser(tx, { username: `${a.centerCode}.${a.key}`, displayName: a.contactName, homeCenterId: site.demo.center.id, agentFirmId: firm.id, passwordHash: opts.passwordHash, isDemo: true });
      await insertGrant(tx, { userId: user.id, centerId: site.demo.center.id, role: 'agent' });
      users.push({ user, centerCode: a.centerCode, roles: ['agent'] });
      firms.set(a.key, { firm, userId: user.id, actor: { userId: user.id, name: `${firm.name}（接口）`, ip: '127.0.0.1', userAgent: 'demo' } });
    }
  });
  ctx.centers.invalidate();
  const replay: DemoTradingReplay = (r) => replayYear(ctx, { ...opts, plan, firms, now, ...r });
  return { users, replay };
}

async function replayYear(
  ctx: AppContext,
  opts: { sites: Map<string, DemoSite>; plan: ReturnType<typeof planDemoTrading>; firms: Map<string, { firm: AgentFirm; userId: number; actor: Actor }>; now: Date; signal: AbortSignal; onProgress?: ((done: number, total: number) => void) | undefined },
): Promise<DemoTradingSummary> {
  const { plan, firms, now } = opts;
  const started = performance.now();
  const projectIds = new Map<string, number>();
  const noticeIds = new Map<number, number>();
  let published = 0;
  let held = 0;
  for (const [i, item] of plan.submissions.entries()) {
    if (opts.signal.aborted) throw new Error('demo trading replay stopped');
    // PGlite answers on the same thread: without a macrotask break, visitors' requests would wait for the whole replay.
    await new Promise((resolve) => setImmediate(resolve));
    if (i % 250 === 0) opts.onProgress?.(i, plan.submissions.length);
    const agent = firms.get(item.agentKey);
    if (!agent) continue;
    const at = new Date(item.at);
    const raw: Record<string, unknown> = { ...item.submission, facts: { ...item.submission.facts } };
    const projectId = projectIds.get(item.projectKey);
    if (projectId) raw.projectId = projectId;
    if (item.amendsSeq !== undefined) (raw.facts as Record<string, unknown>).amendsNoticeId = noticeIds.get(item.amendsSeq);
    const by: Submitter = { kind: 'agent', firm: agent.firm, userId: agent.userId, actor: agent.actor, source: 'agent_api' };
    try {
      const r = await submitNotice({ ...ctx, clock: () => at }, by, raw);
      projectIds.set(item.projectKey, r.projectId);
      noticeIds.set(item.seq, r.notice.id);
      if (r.status === 'published') published += 1;
      else held += 1;
    } catch {
      // A planned notice the rules refuse stays out of the demo, like a submission the agent gave up.
      held += 1;
    }
  }
  for (const [i, reg] of plan.registrations.entries()) {
    if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    const projectId = projectIds.get(reg.projectKey);
    if (projectId) await insertRegistration(ctx.db, { projectId, kind: reg.kind, bidderName: reg.bidderName, creditCode: reg.creditCode, amountFen: reg.amountFen ?? null, createdAt: new Date(reg.at) });
  }
  await settleInspections(ctx, opts.sites, now);
  for (const [code, categories] of Object.entries(PUBLISH_THEN_INSPECT)) {
    const site = opts.sites.get(code);
    if (!site) continue;
    for (const category of CATEGORIES) {
      await upsertPolicy(ctx.db, { centerId: site.demo.center.id, category, inspectionMode: categories.includes(category) ? 'publish_then_inspect' : 'review_first', ruleSeverity: category === 'land_mining' ? { deposit_max_2pct: 'off' } : {} });
    }
  }
  const summary = { agents: firms.size, submitted: plan.submissions.length, published, held, ms: Math.round(performance.now() - started) };
  await ctx.db.transaction(async (tx) => recordAudit(tx, SYSTEM_ACTOR, { action: DEMO_TRADING_DONE, centerId: null, targetType: 'system', targetId: 'demo', details: summary }));
  ctx.notifyOutbox();
  return summary;
}

/** The audit action written when the replay finished; its absence means an interrupted replay. */
export const DEMO_TRADING_DONE = 'demo.trading_seeded';

/** Older notices were patrolled: passed, a few sent back for correction; the last days are still pending. */
async function settleInspections(ctx: AppContext, sites: Map<string, DemoSite>, now: Date): Promise<void> {
  for (const site of sites.values()) {
    const rows = await listInspectionQueue(ctx.db, [site.demo.center.id], ['pending'], 100_000);
    const inspector = Object.values(site.staff).find((u) => u?.username.endsWith('.trade')) ?? Object.values(site.staff)[0];
    const actor: Actor = inspector ? { userId: inspector.id, name: inspector.displayName, ip: '127.0.0.1', userAgent: 'demo' } : SYSTEM_ACTOR;
    for (const [i, n] of rows.entries()) {
      if (!n.publishedAt || now.getTime() - n.publishedAt.getTime() < 3 * DAY) continue;
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
      const action = i % 97 === 13 ? 'request_correction' : 'pass';
      await inspectNotice(ctx, { centerIds: [site.demo.center.id], noticeId: n.id, action, note: action === 'pass' ? '' : '请补充项目联系人的联系电话，并核对开标地点。', userId: actor.userId ?? 0, actor });
    }
  }
}
