import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/audit/audit.tables.ts';
import { findArticle } from '../../src/content/articles.repo.ts';
import { findNotice, findProject } from '../../src/trading/trading.repo.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { makeTrading, tenderNotice, testCreditCode, type TradingFixture } from '../helpers/trading.ts';

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

type Answer = { noticeId: number; projectId: number; status: string };

describe('who obtained the documents or paid a deposit is sealed until the opening', () => {
  it('is never public, and the back office shows nothing, not even a count, before the opening time', async () => {
    const tender = (await tr.agent.submit(tenderNotice(sys.clock.now()))).json() as Answer;
    const project = await findProject(sys.ctx.db, tender.projectId);
    const bidder = '潇湘密封测试建设有限公司';
    const visitor = new Agent(sys.app.app);
    const form = await visitor.get(`/trading/projects/${tender.projectId}/documents`);
    expect(form.statusCode).toBe(200);
    const reg = await visitor.post(`/trading/projects/${tender.projectId}/documents`, { bidderName: bidder, creditCode: testCreditCode(424242), contactPhone: '0731-12345678' });
    expect(reg.statusCode, reg.body.slice(0, 500)).toBe(200);
    expect(reg.body).toContain('已登记');

    const admin = await loginAs(sys.app.app, hn.users.admin, sys.clock);
    const dep = await admin.post(`/admin/c/${hn.center.id}/trading/projects/${tender.projectId}/deposits`, { bidderName: '三湘保证金测试工程有限公司', creditCode: testCreditCode(434343), amountYuan: '50000.00' });
    expect(dep.statusCode, dep.body.slice(0, 300)).toBe(303);

    const pages = [`/trading/projects/${tender.projectId}`, `/trading/notices/${tender.noticeId}`, `/trading/projects/${tender.projectId}/documents`, `/api/v1/projects/${tender.projectId}`, `/api/v1/notices/${tender.noticeId}`, '/trading', `/feeds/projects/${tender.projectId}.atom`];
    for (const url of pages) {
      const res = await visitor.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(bidder);
      expect(res.body, url).not.toContain('三湘保证金测试');
    }
    const sealed = await admin.get(`/admin/c/${hn.center.id}/trading/projects/${tender.projectId}`);
    expect(sealed.statusCode).toBe(200);
    expect(sealed.body).toContain('已密封');
    expect(sealed.body).not.toContain(bidder);
    expect(sealed.body).not.toContain('三湘保证金测试');
    const auditor = await loginAs(sys.app.app, hn.users.auditor, sys.clock);
    const log = await auditor.get(`/admin/c/${hn.center.id}/audit.csv`);
    expect(log.body).not.toContain('三湘保证金测试');

    sys.clock.advance((project?.openingAt?.getTime() ?? 0) - sys.clock.now().getTime() + 60_000);
    const admin2 = await loginAs(sys.app.app, hn.users.admin, sys.clock);
    const opened = await admin2.get(`/admin/c/${hn.center.id}/trading/projects/${tender.projectId}`);
    expect(opened.body).toContain(bidder);
    expect(opened.body).toContain('三湘保证金测试工程有限公司');
    expect(opened.body).not.toContain('已密封');
    const late = await visitor.post(`/trading/projects/${tender.projectId}/documents`, { bidderName: '迟到的投标公司', creditCode: testCreditCode(9) });
    expect(late.statusCode).toBe(409);
  });
});

describe('巡查: inspection of notices published at once', () => {
  it('sends a correction request to the agent, takes its new version, and withdraws with a public reason, all audited', async () => {
    const tender = (await tr.agent.submit(tenderNotice(sys.clock.now()))).json() as Answer;
    const inspector = await loginAs(sys.app.app, hn.users.office1, sys.clock);
    const queue = await inspector.get(`/admin/c/${hn.center.id}/trading/inspection`);
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`/trading/notices/${tender.noticeId}`);

    const noNote = await inspector.post(`/admin/c/${hn.center.id}/trading/inspection/${tender.noticeId}`, { action: 'request_correction', note: '' });
    expect(noNote.statusCode).toBe(400);
    const ask = await inspector.post(`/admin/c/${hn.center.id}/trading/inspection/${tender.noticeId}`, { action: 'request_correction', note: '请补充开标地点的楼层和房间号。' });
    expect(ask.statusCode).toBe(303);
    expect((await findNotice(sys.ctx.db, tender.noticeId))?.inspectionState).toBe('correction_requested');

    const agentWeb = await loginAs(sys.app.app, { ...tr.agent.user, totpSecret: null }, sys.clock);
    const mine = await agentWeb.get(`/admin/c/${hn.center.id}/agent/notices`);
    expect(mine.body).toContain('请补充开标地点的楼层和房间号。');

    const raw = tenderNotice(sys.clock.now());
    delete raw.project;
    (raw.facts as Record<string, unknown>).openingPlace = '长沙市公共资源交易中心三楼第3开标室';
    const noReason = await tr.agent.revise(tender.noticeId, raw);
    expect(noReason.statusCode).toBe(400);
    const corrected = await tr.agent.revise(tender.noticeId, { ...raw, correctionNote: '补充开标地点的楼层和房间号。' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const after = await findNotice(sys.ctx.db, tender.noticeId);
    expect(after?.inspectionState).toBe('pending');
    expect((await findProject(sys.ctx.db, tender.projectId))?.openingPlace).toContain('三楼');

    const withdraw = await inspector.post(`/admin/c/${hn.center.id}/trading/inspection/${tender.noticeId}`, { action: 'withdraw', note: '招标人申请撤回，项目另行招标。' });
    expect(withdraw.statusCode).toBe(303);
    const article = await findArticle(sys.ctx.db, after?.articleId ?? 0);
    expect(article?.status).toBe('withdrawn');
    expect(article?.withdrawReason).toBe('招标人申请撤回，项目另行招标。');
    const actions = (await sys.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, String(tender.noticeId)))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['notice.submit', 'notice.inspect_request_correction', 'notice.correct', 'notice.inspect_withdraw']));
  });
});

describe('the agent back office', () => {
  it('keeps what the agent typed when the form is refused, and keeps a notice failing a rule as a draft with findings', async () => {
    const agentWeb = await loginAs(sys.app.app, { ...tr.agent.user, totpSecret: null }, sys.clock);
    const cid = hn.center.id;
    const bad = await agentWeb.post(`/admin/c/${cid}/agent/notices`, { type: 'tender_notice', projectId: '', title: '株洲市荷塘区学校改造工程招标公告', bodyHtml: '<p>正文</p>', 'project.budgetFen': '一百万' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('株洲市荷塘区学校改造工程招标公告');
    expect(bad.body).toContain('预算金额');

    const now = sys.clock.now();
    const day = (n: number) => new Date(now.getTime() + n * DAY + 8 * 3600_000).toISOString().slice(0, 10);
    const form = {
      type: 'tender_notice',
      projectId: '',
      title: '株洲市荷塘区学校改造工程施工招标公告',
      bodyHtml: '<p>项目概况与招标范围。</p>',
      'project.name': '株洲市荷塘区学校改造工程施工',
      'project.projectNo': 'ZZ-2026-0101',
      'project.category': 'works',
      'project.method': 'open_tender',
      'project.tendererName': '株洲市荷塘区教育局',
      'project.budgetFen': '3000000.00',
      'project.isMandatoryTendering': 'true',
      'project.region': '株洲市荷塘区',
      'project.lots': '1|施工|3000000',
      'facts.lotNos': '1',
      'facts.docSaleStart': day(0),
      'facts.docSaleEnd': day(6),
      'facts.bidDeadline': `${day(12)}T09:30`,
      'facts.openingAt': `${day(12)}T09:30`,
      'facts.openingPlace': '株洲市公共资源交易中心开标室',
      'facts.depositFen': '60000',
      'facts.contactName': '李工',
      'facts.contactPhone': '0731-22220000',
    };
    const held = await agentWeb.post(`/admin/c/${cid}/agent/notices`, form);
    expect(held.statusCode, held.body.slice(0, 400)).toBe(303);
    expect(held.headers.location).toMatch(/done=draft/);
    const page = await agentWeb.get(held.headers.location ?? '');
    expect(page.body).toContain('二十日');
    expect(page.body).toContain('株洲市荷塘区学校改造工程施工招标公告');
    const id = Number(/notices\/(\d+)/.exec(held.headers.location ?? '')?.[1]);
    const fixed = await agentWeb.post(`/admin/c/${cid}/agent/notices/${id}`, { ...form, 'facts.bidDeadline': `${day(22)}T09:30`, 'facts.openingAt': `${day(22)}T09:30` });
    expect(fixed.statusCode, fixed.body.slice(0, 400)).toBe(303);
    expect(fixed.headers.location).toMatch(/done=published/);
  });

  it('gives agent staff nothing of the center’s back office, and center editors cannot edit a notice as an article', async () => {
    const agentWeb = await loginAs(sys.app.app, { ...tr.agent.user, totpSecret: null }, sys.clock);
    for (const url of [`/admin/c/${hn.center.id}`, `/admin/c/${hn.center.id}/articles`, `/admin/c/${hn.center.id}/trading/projects`, `/admin/c/${hn.center.id}/trading/inspection`]) {
      expect((await agentWeb.get(url)).statusCode, url).toBe(403);
    }
    const tender = (await tr.agent.submit(tenderNotice(sys.clock.now()))).json() as Answer;
    const notice = await findNotice(sys.ctx.db, tender.noticeId);
    const article = await findArticle(sys.ctx.db, notice?.articleId ?? 0);
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const res = await editor.post(`/admin/c/${hn.center.id}/articles/${article?.id}/correct`, { lockVersion: String(article?.lockVersion) });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect((await findArticle(sys.ctx.db, article?.id ?? 0))?.pendingCorrection).toBe(false);
  });
});

describe('staff entry and review', () => {
  it('lets a center editor enter a notice, keeps a failing one as a draft to fix, and shows an agent the reviewers’ rejection', async () => {
    const cid = hn.center.id;
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const now = sys.clock.now();
    const day = (n: number) => new Date(now.getTime() + n * DAY + 8 * 3600_000).toISOString().slice(0, 10);
    const form = {
      type: 'tender_notice',
      projectId: '',
      title: '邵东市人民医院门诊楼改造工程施工招标公告',
      bodyHtml: '<p>纸质材料提交，由中心代为录入。</p>',
      'project.name': '邵东市人民医院门诊楼改造工程施工',
      'project.projectNo': 'SD-2026-0007',
      'project.category': 'works',
      'project.method': 'open_tender',
      'project.tendererName': '邵东市人民医院',
      'project.budgetFen': '5000000',
      'project.isMandatoryTendering': 'true',
      'project.region': '邵东市',
      'facts.lotNos': '',
      'facts.docSaleStart': day(0),
      'facts.docSaleEnd': day(6),
      'facts.bidDeadline': `${day(25)}T09:30`,
      'facts.openingAt': `${day(25)}T09:30`,
      'facts.openingPlace': '邵东市公共资源交易中心开标室',
      'facts.depositFen': '150000',
      'facts.contactName': '周工',
      'facts.contactPhone': '0739-2700000',
    };
    const held = await editor.post(`/admin/c/${cid}/trading/notices`, form);
    expect(held.statusCode, held.body.slice(0, 300)).toBe(303);
    expect(held.headers.location).toMatch(/trading\/notices\/\d+\?done=draft/);
    const page = await editor.get(held.headers.location ?? '');
    expect(page.body).toContain('2%');
    const id = Number(/notices\/(\d+)/.exec(held.headers.location ?? '')?.[1]);
    const fixed = await editor.post(`/admin/c/${cid}/trading/notices/${id}`, { ...form, 'facts.depositFen': '100000' });
    expect(fixed.statusCode, fixed.body.slice(0, 300)).toBe(303);
    expect(fixed.headers.location).toMatch(/trading\/projects\/\d+$/);

    const { upsertPolicy } = await import('../../src/trading/trading.repo.ts');
    await upsertPolicy(sys.ctx.db, { centerId: cid, category: 'medicine', inspectionMode: 'review_first', ruleSeverity: {} });
    const sent = (await tr.agent.submit(tenderNotice(sys.clock.now(), { category: 'medicine', method: 'open_tender', name: '湖南省属公立医院2027年度医用耗材集中采购' }))).json() as Answer;
    expect(sent.status).toBe('in_review');
    const reviewer = await loginAs(sys.app.app, hn.users.office2, sys.clock);
    const { listRunsOfArticle, listTasksOfRuns } = await import('../../src/review/review.repo.ts');
    const notice = await findNotice(sys.ctx.db, sent.noticeId);
    const [task] = await listTasksOfRuns(sys.ctx.db, (await listRunsOfArticle(sys.ctx.db, notice?.articleId ?? 0)).map((r) => r.id));
    const rej = await reviewer.post(`/admin/c/${cid}/reviews/${task?.id}/reject`, { revisionHash: task?.revisionHash ?? '', comment: '采购需求中的品牌要求涉嫌排他，请删除。' });
    expect(rej.statusCode, rej.body.slice(0, 300)).toBe(303);
    const agentWeb = await loginAs(sys.app.app, { ...tr.agent.user, totpSecret: null }, sys.clock);
    const mine = await agentWeb.get(`/admin/c/${cid}/agent/notices/${sent.noticeId}`);
    expect(mine.body).toContain('审核退回');
    expect(mine.body).toContain('采购需求中的品牌要求涉嫌排他');
  });
});
