import { SYSTEM_ACTOR } from '../src/audit/audit.service.ts';
import { planDemoTrading } from '../src/demo/demo-trading-plan.ts';
import type { AppContext } from '../src/platform/context.ts';
import { creditCodeCheckChar } from '../src/platform/credit-code.ts';
import { formatDate } from '../src/platform/dates.ts';
import { createAgentStaff, issueApiKey, registerAgentFirm } from '../src/trading/operations/manage-agents.ts';
import { generateSm2KeyPair, signedMessageOf, signSm2, verifySm2 } from '../src/trading/signature.ts';
import { upsertPolicy } from '../src/trading/trading.repo.ts';
import { percentile } from './search.ts';
import type { WrkRequest } from './wrk.ts';

/**
 * The submission API under load: an agent firm with an SM2 key pair and a pool of API keys, lawful tender
 * notices dated from today, and the wrk requests that submit them (POST /api/v1/agent/notices).
 */
export type SubmitAgent = { firmId: number; centerId: number; apiKeys: string[]; publicKey: string; privateKey: string };

export const SUBMIT_PATH = '/api/v1/agent/notices';
const DAY_MS = 86_400_000;

/**
 * Registers a firm at the center with a staff account and `keys` API keys, and lets its works notices
 * publish at once (publish_then_inspect), so that each request is parsed, checked, stored and published.
 * Many keys, because the API allows 600 requests a minute per key and the runs rotate through them.
 */
export async function prepareSubmitAgent(ctx: AppContext, o: { centerCode: string; keys: number }): Promise<SubmitAgent> {
  const tree = await ctx.centers.get();
  const center = tree.byCode.get(o.centerCode);
  if (!center) throw new Error(`no center ${o.centerCode}`);
  const pair = generateSm2KeyPair();
  const actor = { ...SYSTEM_ACTOR, name: 'bench' };
  // A valid 统一社会信用代码 that no demo firm has.
  const first17 = `91430100MA${String(process.pid % 10_000_000).padStart(7, '0')}`;
  const firm = await registerAgentFirm(ctx, {
    centerId: center.id,
    raw: { name: '湖南衡准工程项目管理有限公司', creditCode: first17 + creditCodeCheckChar(first17), contactName: '周工', contactPhone: '0731-88886666', sm2PublicKey: pair.publicKey },
    actor,
  });
  const user = await createAgentStaff(ctx, { centerId: center.id, firmId: firm.id, input: { username: 'bench.agent', displayName: '衡准经办人', password: 'Bench-agent-2026', departmentId: null }, actor });
  await upsertPolicy(ctx.db, { centerId: center.id, category: 'works', inspectionMode: 'publish_then_inspect', ruleSeverity: {} });
  ctx.centers.invalidate();
  const apiKeys: string[] = [];
  for (let i = 0; i < o.keys; i++) apiKeys.push((await issueApiKey(ctx, { firmId: firm.id, label: `bench ${i + 1}`, userId: user.id, actor })).key);
  return { firmId: firm.id, centerId: center.id, apiKeys, publicKey: pair.publicKey, privateKey: pair.privateKey };
}

/**
 * `count` lawful tender notices for works projects (open tender, mandatory tendering) of the center,
 * each creating its project: text, project and facts from the demo planner, the dates moved to today
 * (documents for 7 days, deadline and opening in 25 days at 09:30 Beijing time). No idempotency key:
 * the runs cycle through the bodies, and a repeated key would be answered as a replay.
 */
export function tenderBodies(o: { now: Date; count: number; centerCode: string }): Record<string, unknown>[] {
  const plan = planDemoTrading({ seed: 4242, endDate: formatDate(new Date(o.now.getTime() - DAY_MS)), scale: 1 });
  const day = (n: number) => formatDate(new Date(o.now.getTime() + n * DAY_MS));
  const out: Record<string, unknown>[] = [];
  for (const s of plan.submissions) {
    const { submission } = s;
    const project = submission.project;
    if (s.centerCode !== o.centerCode || submission.type !== 'tender_notice' || project?.category !== 'works' || project.method !== 'open_tender') continue;
    const { idempotencyKey: _k, ...rest } = submission;
    out.push({ ...rest, facts: { ...submission.facts, docSaleStart: day(0), docSaleEnd: day(7), bidDeadline: `${day(25)} 09:30`, openingAt: `${day(25)} 09:30` } });
    if (out.length >= o.count) break;
  }
  if (out.length === 0) throw new Error(`the demo planner made no works tender for ${o.centerCode}`);
  return out;
}

/** The bodies with an SM2 signature over their canonical JSON, as an agent's CA lock signs them. */
export function signBodies(bodies: Record<string, unknown>[], privateKey: string): Record<string, unknown>[] {
  return bodies.map((b) => ({ ...b, signature: signSm2(signedMessageOf(b), privateKey) }));
}

/** One request per body, the keys taken in turn. */
export function submitRequests(bodies: Record<string, unknown>[], apiKeys: string[]): WrkRequest[] {
  return bodies.map((b, i) => ({
    method: 'POST',
    path: SUBMIT_PATH,
    headers: { Authorization: `Bearer ${apiKeys[i % apiKeys.length] ?? ''}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(b),
  }));
}

/** Submits one body and insists on 201 published: a refused body would make every measured request an error. */
export async function probeSubmission(baseUrl: string, request: WrkRequest): Promise<void> {
  const res = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body ?? null, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  if (res.status !== 201 || !text.includes('"published"')) throw new Error(`probe submission answered ${res.status}: ${text.slice(0, 1000)}`);
}

/** The median time of one SM2 verification of these signed bodies in this process (the server does the same work). */
export function measureVerifyMs(signed: Record<string, unknown>[], publicKey: string): number {
  const times: number[] = [];
  for (const b of signed.slice(0, 20)) {
    const message = signedMessageOf(b);
    const signature = typeof b.signature === 'string' ? b.signature : '';
    const t = performance.now();
    if (!verifySm2(message, signature, publicKey)) throw new Error('bench signature does not verify');
    times.push(performance.now() - t);
  }
  return percentile(times, 50);
}
