import type { LightMyRequestResponse } from 'fastify';
import { updateUser, type User } from '../../src/accounts/accounts.repo.ts';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { insertColumn, updateColumn, type Column } from '../../src/content/columns.repo.ts';
import { formatDate } from '../../src/platform/dates.ts';
import { creditCodeCheckChar } from '../../src/platform/credit-code.ts';
import { insertChain } from '../../src/review/review.repo.ts';
import { createAgentStaff, issueApiKey, registerAgentFirm } from '../../src/trading/operations/manage-agents.ts';
import { generateSm2KeyPair, signedMessageOf, signSm2 } from '../../src/trading/signature.ts';
import { CATEGORIES, type Category, type Method } from '../../src/trading/trading.model.ts';
import { upsertPolicy, type AgentFirm } from '../../src/trading/trading.repo.ts';
import { PASSWORD, type CenterFixture } from './fixtures.ts';
import type { TestSystem } from './platform.ts';

const DAY = 86_400_000;

/** A valid 统一社会信用代码 built from a number (GB 32100 check character computed). */
export function testCreditCode(n: number): string {
  const first17 = `91430100${String(n).padStart(9, '0')}`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}

export type AgentFixture = {
  firm: AgentFirm;
  user: User;
  apiKey: string;
  keys: { publicKey: string; privateKey: string };
  /** POST /api/v1/agent/notices with the firm's key; `sign` adds an SM2 signature. */
  submit: (raw: Record<string, unknown>, opts?: { sign?: boolean; key?: string }) => Promise<LightMyRequestResponse>;
  revise: (noticeId: number, raw: Record<string, unknown>, opts?: { sign?: boolean }) => Promise<LightMyRequestResponse>;
};

export type TradingFixture = { column: Column; agent: AgentFixture; otherAgent: AgentFixture };

let firmSeq = 0;

/**
 * Opens trading at a center: the 交易信息 column with a one-step review chain (交易科审核, any reviewer),
 * the inspection mode for every category, and two agent firms with staff, SM2 keys and API keys.
 */
export async function makeTrading(sys: TestSystem, fx: CenterFixture, opts: { mode?: 'publish_then_inspect' | 'review_first' } = {}): Promise<TradingFixture> {
  const { ctx } = sys;
  const column = await insertColumn(ctx.db, { centerId: fx.center.id, slug: 'trading', name: '交易信息', kind: 'trading', sortOrder: 9, catalogCategory: '交易信息' });
  const chain = await insertChain(ctx.db, { centerId: fx.center.id, name: '交易信息审核', steps: [{ name: '交易服务科审核', assignee: { kind: 'role', role: 'reviewer' } }] });
  await updateColumn(ctx.db, column.id, { reviewChainId: chain.id });
  for (const category of CATEGORIES) await upsertPolicy(ctx.db, { centerId: fx.center.id, category, inspectionMode: opts.mode ?? 'publish_then_inspect', ruleSeverity: {} });
  ctx.centers.invalidate();
  const agent = await makeAgent(sys, fx, '湖南建科工程项目管理有限公司');
  const otherAgent = await makeAgent(sys, fx, '湖南联信招标代理有限公司');
  return { column: { ...column, reviewChainId: chain.id }, agent, otherAgent };
}

async function makeAgent(sys: TestSystem, fx: CenterFixture, name: string): Promise<AgentFixture> {
  const { ctx } = sys;
  firmSeq += 1;
  const keys = generateSm2KeyPair();
  const actor = { userId: fx.users.admin.id, name: 'admin', ip: '127.0.0.1', userAgent: 'test' };
  const firm = await registerAgentFirm(ctx, { centerId: fx.center.id, raw: { name: `${name}${firmSeq}`, creditCode: testCreditCode(firmSeq), contactName: '王工', contactPhone: '0731-88880000', sm2PublicKey: keys.publicKey }, actor });
  const user = await createAgentStaff(ctx, { centerId: fx.center.id, firmId: firm.id, input: { username: `${fx.center.code}.agent${firmSeq}`, displayName: `代理经办人${firmSeq}`, password: PASSWORD, departmentId: null }, actor });
  await updateUser(ctx.db, user.id, { mustChangePassword: false, passwordHash: await hashPassword(PASSWORD) });
  const { key: apiKey } = await issueApiKey(ctx, { firmId: firm.id, label: '测试系统', userId: user.id, actor });
  const send = (url: string, raw: Record<string, unknown>, o: { sign?: boolean; key?: string } = {}) => {
    const body = o.sign ? { ...raw, signature: signSm2(signedMessageOf(raw), keys.privateKey) } : raw;
    return sys.app.app.inject({ method: 'POST', url, payload: body, headers: { authorization: `Bearer ${o.key ?? apiKey}`, 'content-type': 'application/json' } });
  };
  return {
    firm,
    user: { ...user, mustChangePassword: false },
    apiKey,
    keys,
    submit: (raw, o) => send('/api/v1/agent/notices', raw, o),
    revise: (id, raw, o) => send(`/api/v1/agent/notices/${id}/versions`, raw, o),
  };
}

/** YYYY-MM-DD of `now` plus n days (Beijing). */
export function dayPlus(now: Date, n: number): string {
  return formatDate(new Date(now.getTime() + n * DAY));
}

/** "YYYY-MM-DD 09:30" n days after `now` (Beijing local time). */
export function atPlus(now: Date, n: number, time = '09:30'): string {
  return `${dayPlus(now, n)} ${time}`;
}

let projectSeq = 0;

/** A lawful tender notice creating its project: sale 6 days, deadline and opening 25 days out, deposit 1%. */
export function tenderNotice(now: Date, o: { category?: Category; method?: Method; budgetFen?: number; name?: string; lots?: number; idempotencyKey?: string } = {}): Record<string, unknown> {
  projectSeq += 1;
  const budgetFen = o.budgetFen ?? 8_650_000_00;
  const lots = Array.from({ length: o.lots ?? 1 }, (_, i) => ({ lotNo: i + 1, name: `第${i + 1}标段`, budgetFen: Math.floor(budgetFen / (o.lots ?? 1)) }));
  const name = o.name ?? `长沙市岳麓区梅溪湖路提质改造工程施工${projectSeq}`;
  return {
    ...(o.idempotencyKey ? { idempotencyKey: o.idempotencyKey } : {}),
    type: 'tender_notice',
    title: `${name}招标公告`,
    bodyHtml: `<h3>一、项目概况</h3><p>${name}，建设地点长沙市岳麓区，招标范围为施工图范围内全部内容。</p><h3>二、投标人资格要求</h3><p>具备市政公用工程施工总承包二级及以上资质。</p>`,
    project: { name, projectNo: `HNJK-2026-${String(projectSeq).padStart(4, '0')}`, category: o.category ?? 'works', method: o.method ?? 'open_tender', tendererName: '长沙市岳麓区住房和城乡建设局', budgetFen, isMandatoryTendering: true, region: '长沙市岳麓区', lots },
    facts: {
      lotNos: lots.map((l) => l.lotNo),
      docSaleStart: dayPlus(now, 0),
      docSaleEnd: dayPlus(now, 6),
      bidDeadline: atPlus(now, 25),
      openingAt: atPlus(now, 25),
      openingPlace: '长沙市公共资源交易中心第3开标室',
      depositFen: Math.floor(budgetFen * 0.01),
      qualification: '具备市政公用工程施工总承包二级及以上资质',
      contact: { name: '王工', phone: '0731-88880000' },
    },
  };
}

export function amendmentNotice(projectId: number, amendsNoticeId: number, now: Date, o: { newDeadlineDays?: number; affectsPreparation?: boolean } = {}): Record<string, unknown> {
  return {
    type: 'amendment_notice',
    projectId,
    title: '变更公告（第1次）',
    bodyHtml: '<p>原招标文件第二章投标人须知前附表第 10.1 款修改如下。</p>',
    facts: {
      lotNos: [1],
      amendsNoticeId,
      changeSummary: '修改投标人须知前附表第 10.1 款，投标截止时间相应顺延。',
      affectsPreparation: o.affectsPreparation ?? true,
      ...(o.newDeadlineDays ? { newBidDeadline: atPlus(now, o.newDeadlineDays), newOpeningAt: atPlus(now, o.newDeadlineDays) } : {}),
      contact: { name: '王工', phone: '0731-88880000' },
    },
  };
}

export const BIDDERS = ['湖南建工集团有限公司', '中建五局第三建设有限公司', '湖南省第六工程有限公司'];

export function candidatesNotice(projectId: number, now: Date, o: { priceFen?: number } = {}): Record<string, unknown> {
  const price = o.priceFen ?? 8_100_000_00;
  return {
    type: 'candidates_notice',
    projectId,
    title: '中标候选人公示',
    bodyHtml: '<p>经评标委员会评审，现将中标候选人公示如下。</p>',
    facts: {
      lotNos: [1],
      evaluationReportOn: dayPlus(now, -1),
      publicityStart: dayPlus(now, 0),
      publicityEnd: dayPlus(now, 3),
      candidates: BIDDERS.map((name, i) => ({ lotNo: 1, rank: i + 1, name, priceFen: price + i * 1_000_000, projectManager: ['李建国', '张卫东', '刘志强'][i] })),
      objectionChannel: '投标人或者其他利害关系人对公示结果有异议的，应在公示期内以书面形式向招标人提出。',
      contact: { name: '王工', phone: '0731-88880000' },
    },
  };
}

export function awardNotice(projectId: number, now: Date, o: { winner?: string; priceFen?: number } = {}): Record<string, unknown> {
  return {
    type: 'award_notice',
    projectId,
    title: '中标结果公告',
    bodyHtml: '<p>根据评标结果和公示情况，确定中标人如下。</p>',
    facts: { lotNos: [1], winners: [{ lotNo: 1, name: o.winner ?? BIDDERS[0], priceFen: o.priceFen ?? 8_100_000_00 }], awardNoticeOn: dayPlus(now, 0), contact: { name: '王工', phone: '0731-88880000' } },
  };
}

export function contractNotice(projectId: number, now: Date, o: { signedInDays?: number } = {}): Record<string, unknown> {
  return {
    type: 'contract_notice',
    projectId,
    title: '合同公告',
    bodyHtml: '<p>合同已签订，现予公告。</p>',
    facts: { lotNos: [1], contractNo: 'HT-2026-001', signedOn: dayPlus(now, o.signedInDays ?? 0), contractAmountFen: 8_100_000_00, supplierName: BIDDERS[0], contact: { name: '王工', phone: '0731-88880000' } },
  };
}

export function terminationNotice(projectId: number, kind: 'terminated' | 'failed' = 'failed'): Record<string, unknown> {
  return {
    type: 'termination_notice',
    projectId,
    title: kind === 'failed' ? '流标公告' : '终止公告',
    bodyHtml: '<p>因递交投标文件的投标人少于三个，本次招标失败。</p>',
    facts: { lotNos: [1], terminationKind: kind, reason: '递交投标文件的投标人少于三个。', refundArrangement: '投标保证金及银行同期存款利息于五日内原路退还。', contact: { name: '王工', phone: '0731-88880000' } },
  };
}
