import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/audit/audit.tables.ts';
import { findArticle } from '../../src/content/articles.repo.ts';
import { approveReviewTask } from '../../src/review/operations/decide-review-task.ts';
import { listRunsOfArticle, listTasksOfRuns } from '../../src/review/review.repo.ts';
import { isValidDealCode } from '../../src/trading/deal-code.ts';
import { findNotice, findProject } from '../../src/trading/trading.repo.ts';
import { notices } from '../../src/trading/trading.tables.ts';
import { loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { amendmentNotice, awardNotice, candidatesNotice, contractNotice, makeTrading, tenderNotice, type TradingFixture } from '../helpers/trading.ts';

let sys: TestSystem;
let hn: CenterFixture;
let tr: TradingFixture;
const DAY = 86_400_000;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
  tr = await makeTrading(sys, hn, { mode: 'publish_then_inspect' });
});
afterAll(async () => sys?.close());

type Answer = { noticeId: number; projectId: number; status: string; findings: { ruleId: string; severity: string; citation: string; message: string }[] };
type ErrorAnswer = { error: { code: string; message: string; fields?: { field: string; message: string }[]; noticeId?: number; findings?: Answer['findings'] } };

describe('the agent API', () => {
  it('publishes a lawful tender notice at once, creating its project with a valid 统一交易标识码', async () => {
    const res = await tr.agent.submit(tenderNotice(sys.clock.now()));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as Answer;
    expect(body.status).toBe('published');
    const project = await findProject(sys.ctx.db, body.projectId);
    expect(project?.code).toHaveLength(33);
    expect(isValidDealCode(project?.code ?? '')).toBe(true);
    expect(project?.agentFirmId).toBe(tr.agent.firm.id);
    expect(project?.bidDeadline).toBeInstanceOf(Date);
    const notice = await findNotice(sys.ctx.db, body.noticeId);
    expect(notice?.inspectionState).toBe('pending');
    const audit = await sys.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'notice.submit'));
    expect(audit.some((a) => a.targetId === String(body.noticeId))).toBe(true);
  });

  it('refuses a request without a valid API key', async () => {
    const res = await tr.agent.submit(tenderNotice(sys.clock.now()), { key: 'gkak_not-a-real-key-but-long-enough' });
    expect(res.statusCode).toBe(401);
    expect((res.json() as ErrorAnswer).error.code).toBe('API_KEY_INVALID');
  });

  it('creates one notice for the same idempotency key, and refuses the key reused for different content', async () => {
    const raw = tenderNotice(sys.clock.now(), { idempotencyKey: 'hnjk-2026-idem-0001' });
    const first = await tr.agent.submit(raw);
    const second = await tr.agent.submit(raw);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect((second.json() as Answer).noticeId).toBe((first.json() as Answer).noticeId);
    const rows = await sys.ctx.db.select().from(notices).where(eq(notices.idempotencyKey, 'hnjk-2026-idem-0001'));
    expect(rows).toHaveLength(1);
    const changed = await tr.agent.submit({ ...raw, title: '另一个项目的招标公告' });
    expect(changed.statusCode).toBe(409);
    expect((changed.json() as ErrorAnswer).error.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('verifies an SM2 signature against the firm’s registered key and refuses a tampered body', async () => {
    const raw = tenderNotice(sys.clock.now());
    const ok = await tr.agent.submit(raw, { sign: true });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await findNotice(sys.ctx.db, (ok.json() as Answer).noticeId))?.isSignatureVerified).toBe(true);

    const signed = { ...tenderNotice(sys.clock.now()) };
    const res = await sys.app.app.inject({
      method: 'POST',
      url: '/api/v1/agent/notices',
      headers: { authorization: `Bearer ${tr.agent.apiKey}` },
      // signed by the other firm's private key: does not verify against this firm's public key
      payload: { ...signed, signature: (await import('../../src/trading/signature.ts')).signSm2(JSON.stringify(signed), tr.otherAgent.keys.privateKey) },
    });
    expect(res.statusCode).toBe(400);
    const err = (res.json() as ErrorAnswer).error;
    expect(err.code).toBe('SIGNATURE_INVALID');
    expect(err.message).toContain('SM2');
    expect(err.fields?.[0]?.field).toBe('signature');
  });

  it('keeps a notice failing a blocking rule as a draft with its findings, then publishes the fixed version', async () => {
    const raw = tenderNotice(sys.clock.now());
    const facts = raw.facts as Record<string, unknown>;
    facts.bidDeadline = facts.openingAt = new Date(sys.clock.now().getTime() + 10 * DAY).toISOString();
    const res = await tr.agent.submit(raw);
    expect(res.statusCode).toBe(422);
    const err = (res.json() as ErrorAnswer).error;
    expect(err.code).toBe('NOTICE_CHECKS_FAILED');
    const rule = err.findings?.find((f) => f.ruleId === 'bid_period_min');
    expect(rule?.citation).toContain('招标投标法');
    expect(rule?.message).toMatch(/二十日|20/);
    const draft = await findNotice(sys.ctx.db, err.noticeId ?? 0);
    expect((await findArticle(sys.ctx.db, draft?.articleId ?? 0))?.status).toBe('draft');

    facts.bidDeadline = facts.openingAt = new Date(sys.clock.now().getTime() + 25 * DAY).toISOString();
    const fixed = await tr.agent.revise(draft?.id ?? 0, raw);
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect((fixed.json() as Answer).status).toBe('published');
  });

  it('moves the project deadline with an amendment and refuses a late amendment that does not move it', async () => {
    const now = sys.clock.now();
    const tender = (await tr.agent.submit(tenderNotice(now))).json() as Answer;
    const late = await tr.agent.submit(amendmentNotice(tender.projectId, tender.noticeId, now));
    // 25 days remain: an amendment affecting preparation is lawful without moving the deadline
    expect(late.statusCode, late.body).toBe(201);
    sys.clock.advance(15 * DAY);
    const tooLate = await tr.agent.submit(amendmentNotice(tender.projectId, tender.noticeId, sys.clock.now()));
    expect(tooLate.statusCode).toBe(422);
    expect((tooLate.json() as ErrorAnswer).error.findings?.some((f) => f.ruleId === 'amendment_deadline_15d' && f.citation.includes('第二十一条'))).toBe(true);
    const moved = await tr.agent.submit(amendmentNotice(tender.projectId, tender.noticeId, sys.clock.now(), { newDeadlineDays: 16 }));
    expect(moved.statusCode, moved.body).toBe(201);
    const project = await findProject(sys.ctx.db, tender.projectId);
    expect(project?.bidDeadline?.getTime()).toBeGreaterThan(sys.clock.now().getTime() + 15 * DAY);
  });

  it('keeps notices in lawful order: no award to a bidder who was not a candidate, and a warning for a contract after 30 days', async () => {
    const now = sys.clock.now();
    const tender = (await tr.agent.submit(tenderNotice(now))).json() as Answer;
    const early = await tr.agent.submit(candidatesNotice(tender.projectId, now));
    expect(early.statusCode).toBe(422); // before the bid deadline
    sys.clock.advance(26 * DAY);
    const cands = await tr.agent.submit(candidatesNotice(tender.projectId, sys.clock.now()));
    expect(cands.statusCode, cands.body).toBe(201);
    sys.clock.advance(4 * DAY);
    const stranger = await tr.agent.submit(awardNotice(tender.projectId, sys.clock.now(), { winner: '不在候选人名单中的公司' }));
    expect(stranger.statusCode).toBe(422);
    expect((stranger.json() as ErrorAnswer).error.findings?.some((f) => f.ruleId === 'award_in_candidates')).toBe(true);
    const award = await tr.agent.submit(awardNotice(tender.projectId, sys.clock.now()));
    expect(award.statusCode, award.body).toBe(201);
    expect((await findProject(sys.ctx.db, tender.projectId))?.status).toBe('awarded');
    sys.clock.advance(40 * DAY);
    // A late contract must still be disclosed: the rule warns, it does not hold the notice back.
    const late = await tr.agent.submit(contractNotice(tender.projectId, sys.clock.now()));
    expect(late.statusCode, late.body).toBe(201);
    const warning = (late.json() as Answer).findings.find((f) => f.ruleId === 'contract_within_30d');
    expect(warning?.severity).toBe('warn');
    expect(warning?.citation).toContain('第四十六条');
    expect((await findProject(sys.ctx.db, tender.projectId))?.status).toBe('contracted');
  });

  it('lets an agent see and use only its own projects', async () => {
    const mine = (await tr.agent.submit(tenderNotice(sys.clock.now()))).json() as Answer;
    const res = await tr.otherAgent.submit(amendmentNotice(mine.projectId, mine.noticeId, sys.clock.now()));
    expect(res.statusCode).toBe(403);
    const peek = await sys.app.app.inject({ method: 'GET', url: `/api/v1/agent/notices/${mine.noticeId}`, headers: { authorization: `Bearer ${tr.otherAgent.apiKey}` } });
    expect(peek.statusCode).toBe(404);
    const own = await sys.app.app.inject({ method: 'GET', url: `/api/v1/agent/notices/${mine.noticeId}`, headers: { authorization: `Bearer ${tr.agent.apiKey}` } });
    expect(own.statusCode).toBe(200);
    const list = await sys.app.app.inject({ method: 'GET', url: '/api/v1/agent/projects', headers: { authorization: `Bearer ${tr.otherAgent.apiKey}` } });
    expect((list.json() as { items: { id: number }[] }).items.some((p) => p.id === mine.projectId)).toBe(false);
  });

  it('answers malformed submissions with 400 and Chinese field messages, never a 5xx', async () => {
    const res = await tr.agent.submit({ type: 'tender_notice', title: 'x', facts: { bidDeadline: '明天', depositFen: -5 }, project: { category: 'spaceships' } });
    expect(res.statusCode).toBe(400);
    const err = (res.json() as ErrorAnswer).error;
    expect(err.code).toBe('VALIDATION_FAILED');
    const fields = err.fields?.map((f) => f.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['title', 'bodyHtml', 'facts.bidDeadline', 'facts.depositFen', 'project.category', 'project.name']));
    expect(err.fields?.find((f) => f.field === 'facts.bidDeadline')?.message).toContain('投标截止时间');

    const garbled = await sys.app.app.inject({ method: 'POST', url: '/api/v1/agent/notices', headers: { authorization: `Bearer ${tr.agent.apiKey}`, 'content-type': 'application/json' }, payload: '{"type": "tender_notice", ' });
    expect(garbled.statusCode).toBe(400);

    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('tender_notice', 'award_notice', 'amendment_notice', 'nonsense'), async (junk, type) => {
        const body = junk && typeof junk === 'object' && !Array.isArray(junk) ? { ...junk, type } : { type, facts: junk };
        const r = await tr.agent.submit(body as Record<string, unknown>);
        expect(r.statusCode).toBeGreaterThanOrEqual(400);
        expect(r.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});

describe('review before publication', () => {
  it('sends an agent notice to the center review when the category is set to review first, and publishes on approval', async () => {
    const { upsertPolicy } = await import('../../src/trading/trading.repo.ts');
    await upsertPolicy(sys.ctx.db, { centerId: hn.center.id, category: 'procurement', inspectionMode: 'review_first', ruleSeverity: {} });
    const res = await tr.agent.submit(tenderNotice(sys.clock.now(), { category: 'procurement', name: '长沙市第一医院医疗设备采购项目' }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as Answer;
    expect(body.status).toBe('in_review');
    const notice = await findNotice(sys.ctx.db, body.noticeId);
    const runs = await listRunsOfArticle(sys.ctx.db, notice?.articleId ?? 0);
    const [task] = await listTasksOfRuns(sys.ctx.db, runs.map((r) => r.id));
    if (!task) throw new Error('no review task');
    const reviewer = hn.users.office1;
    const web = await loginAs(sys.app.app, reviewer, sys.clock);
    const page = await web.get(`/admin/c/${hn.center.id}/reviews/${task.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('公告要素');
    expect(page.body).toContain('投标截止时间');
    await approveReviewTask(sys.ctx, { userId: reviewer.id, roles: new Set(['reviewer']), actor: { userId: reviewer.id, name: reviewer.displayName, ip: '', userAgent: '' }, taskId: task.id, revisionHash: task.revisionHash });
    expect((await findArticle(sys.ctx.db, notice?.articleId ?? 0))?.status).toBe('published');
    expect((await findProject(sys.ctx.db, body.projectId))?.openingAt).toBeInstanceOf(Date);
  });
});

describe('attachments and center policy', () => {
  const upload = (name: string, data: Buffer, key = tr.agent.apiKey) => {
    const boundary = '----gk' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return sys.app.app.inject({ method: 'POST', url: '/api/v1/agent/attachments', payload, headers: { authorization: `Bearer ${key}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  };

  it('takes tender documents through the API, refusing oversized and garbled files with a clear code', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ok = await upload('招标文件.pdf', pdf);
    expect(ok.statusCode, ok.body).toBe(201);
    const att = ok.json() as { id: number };
    const withDoc = await tr.agent.submit({ ...tenderNotice(sys.clock.now()), attachmentIds: [att.id] });
    expect(withDoc.statusCode, withDoc.body).toBe(201);

    const garbled = await upload('招标文件.pdf', Buffer.from('MZ\x90\x00 this is not a pdf at all'));
    expect(garbled.statusCode).toBe(415);
    expect((garbled.json() as ErrorAnswer).error.code).toBe('ATTACHMENT_TYPE_REFUSED');
    const big = await upload('大文件.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 0x20)]));
    expect(big.statusCode).toBe(413);
    expect((big.json() as ErrorAnswer).error.code).toBe('ATTACHMENT_TOO_LARGE');
    const anonymous = await upload('x.pdf', pdf, 'gkak_not-a-real-key-but-long-enough');
    expect(anonymous.statusCode).toBe(401);
    const foreign = await tr.otherAgent.submit({ ...tenderNotice(sys.clock.now()), attachmentIds: [999_999] });
    expect(foreign.statusCode).toBe(400);
  });

  it('lets the center admin turn a blocking rule into a warning for one category on the policy page', async () => {
    const admin = await loginAs(sys.app.app, hn.users.admin, sys.clock);
    const page = await admin.get(`/admin/c/${hn.center.id}/trading/policy`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('招标投标法');
    const saved = await admin.post(`/admin/c/${hn.center.id}/trading/policy/procurement`, { inspectionMode: 'publish_then_inspect', 'rule.deposit_max_2pct': 'warn' });
    expect(saved.statusCode).toBe(303);
    const raw = tenderNotice(sys.clock.now(), { category: 'procurement', budgetFen: 1_000_000_00 });
    (raw.facts as Record<string, unknown>).depositFen = 5_000_000; // 5%
    const res = await tr.agent.submit(raw);
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Answer).findings.find((f) => f.ruleId === 'deposit_max_2pct')?.severity).toBe('warn');
    const strict = tenderNotice(sys.clock.now(), { category: 'works', budgetFen: 1_000_000_00 });
    (strict.facts as Record<string, unknown>).depositFen = 5_000_000;
    expect((await tr.agent.submit(strict)).statusCode).toBe(422);
  });
});

