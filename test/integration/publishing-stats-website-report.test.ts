import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/audit/audit.tables.ts';
import { pageViewsDaily } from '../../src/content/content.tables.ts';
import { messages, surveyResponses, surveys } from '../../src/interaction/interaction.tables.ts';
import { beijingYear } from '../../src/platform/dates.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { publishArticle } from '../helpers/publish.ts';

let sys: TestSystem;
let hn: CenterFixture;
let cs: CenterFixture;
let articleId: number;
// The login route allows 20 attempts a minute per address: log each person in once.
let editor: Agent;
let admin: Agent;
let msgSeq = 0;
const at = (s: string) => new Date(s);

async function addMessage(o: { kind: string; receivedOn: string; repliedOn?: string; days?: number; isPublic?: boolean; centerId?: number }) {
  msgSeq += 1;
  await sys.ctx.db.insert(messages).values({
    centerId: o.centerId ?? hn.center.id,
    kind: o.kind,
    trackingNo: `HD-TEST-${msgSeq}`,
    accessCodeHash: 'x',
    subject: `留言${msgSeq}`,
    body: '内容',
    receivedOn: o.receivedOn,
    dueOn: o.receivedOn,
    status: o.repliedOn ? 'replied' : 'open',
    repliedOn: o.repliedOn ?? null,
    workingDaysTaken: o.days ?? null,
    isOnTime: o.repliedOn ? true : null,
    isPublic: o.isPublic ?? false,
  });
}

async function readXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.read(Readable.from(buf));
  return wb;
}

function cellsOf(ws: ExcelJS.Worksheet | undefined, label: string): unknown[] | null {
  let found: unknown[] | null = null;
  ws?.eachRow((row) => {
    if (String(row.getCell(1).value).trim() === label) found = [row.getCell(2).value, row.getCell(3).value, row.getCell(4).value];
  });
  return found;
}

beforeAll(async () => {
  sys = await startTestSystem();
  const { ctx } = sys;
  hn = await makeCenter(ctx, { code: 'hn', name: '湖南省公共资源交易中心' });
  cs = await makeCenter(ctx, { code: 'cs', parentId: hn.center.id, name: '长沙市公共资源交易中心' });
  // 2025: 4 news, 1 notice, 1 policy, 3 interpretations (the Hunan 2018 report: 政策解读稿件发布 3 件)
  for (const d of ['01-10', '03-10', '06-10', '09-10']) await publishArticle(ctx, hn, hn.columns.news, { title: `动态${d}` }, at(`2025-${d}T09:00:00+08:00`));
  await publishArticle(ctx, hn, hn.columns.notice, { title: '通知' }, at('2025-05-10T09:00:00+08:00'));
  const policyId = await publishArticle(ctx, hn, hn.columns.policy, { title: '交易规则', docNo: '湘公管〔2025〕1号', issuingBody: '湖南省公共资源交易中心', issuedOn: '2025-01-02', validity: 'in_force' }, at('2025-02-01T09:00:00+08:00'));
  for (const d of ['02-02', '07-02', '11-02']) await publishArticle(ctx, hn, hn.columns.interpretation, { title: `解读${d}`, policyArticleId: String(policyId) }, at(`2025-${d}T09:00:00+08:00`));
  await publishArticle(ctx, cs, cs.columns.news, { title: '长沙动态' }, at('2025-04-01T09:00:00+08:00'));
  articleId = await publishArticle(ctx, hn, hn.columns.news, { title: '今年的动态' });
  // Page views of 2025 (and one day outside it)
  await ctx.db.insert(pageViewsDaily).values([
    { day: '2025-01-01', centerId: hn.center.id, columnId: hn.columns.news.id, articleId: 0, views: 1200 },
    { day: '2025-12-31', centerId: hn.center.id, columnId: hn.columns.news.id, articleId: 1, views: 34 },
    { day: '2024-12-31', centerId: hn.center.id, columnId: hn.columns.news.id, articleId: 0, views: 999 },
    { day: '2025-06-01', centerId: cs.center.id, columnId: cs.columns.news.id, articleId: 0, views: 500 },
  ]);
  // Messages of 2025: 3 consultations (2 replied in 2 and 5 working days, 1 public), a complaint, 网站找错 (kept apart)
  await addMessage({ kind: 'consultation', receivedOn: '2025-03-02', repliedOn: '2025-03-04', days: 2, isPublic: true });
  await addMessage({ kind: 'consultation', receivedOn: '2025-04-02', repliedOn: '2025-04-09', days: 5 });
  await addMessage({ kind: 'consultation', receivedOn: '2025-12-30' });
  await addMessage({ kind: 'complaint', receivedOn: '2025-08-01', repliedOn: '2025-08-04', days: 3 });
  await addMessage({ kind: 'error_report', receivedOn: '2025-09-01', repliedOn: '2025-09-30', days: 20 });
  await addMessage({ kind: 'consultation', receivedOn: '2024-12-31', repliedOn: '2025-01-03', days: 2 });
  // Surveys: one of 2025 with published results and 2 answers, one of 2024
  const [s1] = await ctx.db.insert(surveys).values({ centerId: hn.center.id, title: '满意度调查', questions: [], opensOn: '2025-03-01', closesOn: '2025-03-31', isResultPublic: true, createdBy: hn.users.admin.id }).returning();
  await ctx.db.insert(surveys).values({ centerId: hn.center.id, title: '旧调查', questions: [], opensOn: '2024-03-01', closesOn: '2024-03-31', createdBy: hn.users.admin.id });
  if (!s1) throw new Error('survey');
  await ctx.db.insert(surveyResponses).values([
    { surveyId: s1.id, answers: {}, clientHash: 'a', createdAt: at('2025-03-05T09:00:00+08:00') },
    { surveyId: s1.id, answers: {}, clientHash: 'b', createdAt: at('2025-03-06T09:00:00+08:00') },
  ]);
  // Security events of 2025 in the audit log (append-only: insert is allowed)
  await ctx.db.insert(auditEvents).values([
    { at: at('2025-05-01T09:00:00+08:00'), actorName: 'hn.editor', centerId: hn.center.id, action: 'auth.login_failed', targetType: 'user', targetId: '1' },
    { at: at('2025-05-01T09:01:00+08:00'), actorName: 'hn.editor', centerId: hn.center.id, action: 'account.locked', targetType: 'user', targetId: '1' },
    { at: at('2024-05-01T09:00:00+08:00'), actorName: 'hn.editor', centerId: hn.center.id, action: 'auth.login_failed', targetType: 'user', targetId: '1' },
  ]);
  editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
  admin = await loginAs(sys.app.app, hn.users.admin, sys.clock);
});
afterAll(async () => sys?.close());

const url = (q = 'year=2025') => `/admin/c/${hn.center.id}/stats/website-report?${q}`;

describe('the computed rows', () => {
  it('computes visits, items by column type, interpretations, messages and surveys of the center for the year', async () => {
    const res = await editor.get(url());
    expect(res.statusCode).toBe(200);
    const row = (label: string, value: string) => expect(res.body).toMatch(new RegExp(`<th scope="row">(?:　)*${label.replace(/[()（）]/g, '.')}</th><td>${value}</td><td>([^<]+)</td>`));
    row('网站总访问量（单位：次）', '1234');
    row('总数（单位：条）', '9');
    row('政务动态信息更新量（单位：条）', '5');
    row('信息公开目录信息更新量（单位：条）', '9');
    row('概况类信息更新量（单位：条）', '0');
    row('其中：解读材料数量（单位：条）', '3');
    row('解读信息发布 总数（单位：条）', '3');
    row('留言办理：收到留言数量（单位：条）', '4');
    row('留言办理：办结留言数量（单位：条）', '3');
    row('留言办理：平均办理时间（单位：天）', '3.3');
    row('留言办理：公开答复数量（单位：条）', '1');
    row('征集调查：征集调查期数（单位：期）', '1');
    row('征集调查：收到意见数量（单位：条）', '2');
    row('征集调查：公布调查结果期数（单位：期）', '1');
    expect(res.body).toContain('<th scope="row">网站名称</th><td>hn公共资源交易服务平台</td><td>站点设置</td>');
  });

  it('says 未统计 for what the platform does not record: unique visitors and searches', async () => {
    const res = await editor.get(url());
    expect(res.body).toContain('<th scope="row">独立用户访问总量（单位：个）</th><td>未统计</td>');
    expect(res.body).toContain('<th scope="row">站内搜索次数</th><td>未统计</td>');
    expect(res.body).toContain('<th scope="row">安全检测评估次数（单位：次）</th><td>未填报</td>');
    expect(res.body).toContain('<th scope="row">后台登录失败次数</th><td>1</td>');
    expect(res.body).toContain('<th scope="row">账号锁定次数</th><td>1</td>');
    expect(res.body).toContain('<th scope="row">网站找错留言数量</th><td>1</td>');
  });

  it('adds the descendants when asked', async () => {
    const res = await editor.get(url('year=2025&scope=subtree'));
    expect(res.body).toMatch(/网站总访问量（单位：次）<\/th><td>1734<\/td>/);
    expect(res.body).toMatch(/<th scope="row">总数（单位：条）<\/th><td>10<\/td>/);
  });

  it('counts this year’s page views through the real counter and the failed logins of this year', async () => {
    const citizen = new Agent(sys.app.app);
    await citizen.get(`/art/${articleId}`);
    await citizen.get(`/art/${articleId}`);
    await sys.app.views.flush();
    const anon = new Agent(sys.app.app);
    for (let i = 0; i < 5; i++) await anon.post('/admin/login', { username: hn.users.editor2.username, password: 'wrong-password', next: '/admin' });
    await anon.post('/admin/login', { username: 'nobody-here', password: 'wrong-password', next: '/admin' });
    const year = beijingYear(sys.clock.now());
    const res = await editor.get(url(`year=${year}`));
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/网站总访问量（单位：次）<\/th><td>2<\/td>/);
    expect(res.body).toContain('<th scope="row">后台登录失败次数</th><td>5</td>');
    expect(res.body).toContain('<th scope="row">账号锁定次数</th><td>1</td>');
    // A failure naming no account belongs to no center: the root center's report lists it.
    expect(res.body).toMatch(/以不存在的用户名登录失败次数<\/th><td>[1-9]\d*<\/td>/);
    const child = await loginAs(sys.app.app, cs.users.editor, sys.clock);
    const childPage = await child.get(`/admin/c/${cs.center.id}/stats/website-report?year=${year}`);
    expect(childPage.body).not.toContain('以不存在的用户名登录失败次数');
  });
});

describe('the entered rows', () => {
  it('stores what the site admin enters, shows it as entered, and audits the change', async () => {
    const form = await admin.get(url());
    expect(form.body).toContain('保存填报内容');
    const res = await admin.post(`/admin/c/${hn.center.id}/stats/website-report`, { year: '2025', securityChecks: '2', securityProblems: '3', securityFixed: '3', drills: 'yes', monitoring: 'yes', searchAsService: 'no', accessibility: 'yes', siteType: '部门网站', interpretationProducts: '1', uniqueVisitors: '120000', filler: '张三' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/c/${hn.center.id}/stats/website-report?year=2025&done=saved`);
    const page = await admin.get(url());
    expect(page.body).toContain('<th scope="row">安全检测评估次数（单位：次）</th><td>2</td><td>人工填报</td>');
    expect(page.body).toContain('<th scope="row">是否开展应急演练</th><td>是</td><td>人工填报</td>');
    expect(page.body).toContain('<th scope="row">搜索即服务</th><td>否</td><td>人工填报</td>');
    expect(page.body).toContain('<th scope="row">独立用户访问总量（单位：个）</th><td>120000</td><td>人工填报</td>');
    expect(page.body).toMatch(/解读信息发布 总数（单位：条）<\/th><td>4<\/td>/);
    const [event] = await sys.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'website_report.save'), eq(auditEvents.centerId, hn.center.id)));
    expect(event?.targetId).toBe(`${hn.center.id}:2025`);
    expect(event?.afterDigest).toMatch(/^[0-9a-f]{64}$/);
    // Another year is untouched
    const other = await admin.get(url('year=2024'));
    expect(other.body).toContain('<th scope="row">安全检测评估次数（单位：次）</th><td>未填报</td>');
  });

  it('answers a bad value with 400, names the row in Chinese and keeps what was typed', async () => {
    const res = await admin.post(`/admin/c/${hn.center.id}/stats/website-report`, { year: '2025', securityChecks: '两次', drills: 'maybe', filler: '李四' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('安全检测评估次数：应为不小于 0 的整数（单位：次）');
    expect(res.body).toContain('是否开展应急演练：请选择“是”或“否”');
    expect(res.body).toContain('value="两次"');
    expect(res.body).toContain('value="李四"');
    const bad = await admin.post(`/admin/c/${hn.center.id}/stats/website-report`, { year: '20x5' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('年度应为 2000 至');
  });

  it('lets editors read the report but not enter it', async () => {
    const page = await editor.get(url());
    expect(page.body).not.toContain('保存填报内容');
    expect(page.body).toContain('填报内容由系统管理员填写');
    const res = await editor.post(`/admin/c/${hn.center.id}/stats/website-report`, { year: '2025', securityChecks: '9' });
    expect(res.statusCode).toBe(403);
  });
});

describe('the exports', () => {
  it('gives an Excel file whose numbers read back as numbers and whose gaps stay gaps', async () => {
    const res = await editor.get(`/admin/c/${hn.center.id}/stats/website-report.xlsx?year=2025`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename="website-report-hn-2025.xlsx"');
    const wb = await readXlsx(res.rawPayload);
    const ws = wb.getWorksheet('报表');
    expect(ws?.getCell('A1').value).toBe('政府网站工作年度报表（2025年度）');
    expect(cellsOf(ws, '网站总访问量')).toEqual([1234, '次', '系统统计']);
    expect(cellsOf(ws, '安全检测评估次数')).toEqual([2, '次', '人工填报']);
    expect(cellsOf(ws, '是否开展应急演练')).toEqual(['是', null, '人工填报']);
    expect(cellsOf(ws, '留言办理：平均办理时间')).toEqual([3.3, '天', '系统统计']);
    expect(cellsOf(ws, '是否提供智能问答功能')).toEqual(['未填报', null, '—']);
    const extra = wb.getWorksheet('参考数据');
    expect(cellsOf(extra, '站内搜索次数')?.[0]).toBe('未统计');
  });

  it('gives a printable document of the report alone', async () => {
    const res = await editor.get(`/admin/c/${hn.center.id}/stats/website-report/print?year=2025`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<h1>政府网站工作年度报表（2025年度）</h1>');
    expect(res.body).toContain('安全检测评估次数');
    expect(res.body).not.toContain('后台导航');
  });
});

describe('bad years and access', () => {
  it('answers a bad year with 400 and a message in Chinese on every page, never a 500', async () => {
    for (const q of ['year=abc', 'year=1999', 'year=2999', 'year=2025&year=2024', 'year=2025&scope=all']) {
      for (const path of ['', '.xlsx', '/print']) {
        const res = await editor.get(`/admin/c/${hn.center.id}/stats/website-report${path}?${q}`);
        expect(res.statusCode, `${path} ${q}`).toBe(400);
        expect(res.body, `${path} ${q}`).toMatch(/年度应为|年度只能填写一个|统计范围应为/);
      }
    }
  });

  it('refuses staff without article.read and staff of another center', async () => {
    for (const user of [hn.users.security, hn.users.auditor, hn.users.outsider, cs.users.admin]) {
      const agent = await loginAs(sys.app.app, user, sys.clock);
      for (const path of ['', '.xlsx', '/print']) expect((await agent.get(`/admin/c/${hn.center.id}/stats/website-report${path}?year=2025`)).statusCode, `${user.username} ${path}`).toBe(403);
    }
    const anon = await new Agent(sys.app.app).get(url());
    expect(anon.statusCode).toBe(303);
  });
});
