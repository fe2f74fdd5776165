import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../src/calendar/calendar-seed.ts';
import { addWorkingDays as addWd, countWorkingDays as countWd, firstWorkingDayFrom as firstWd, isWorkingDay as isWd } from '../../src/calendar/working-days.ts';

const cal = seedCalendar();
const addWorkingDays = (d: string, n: number) => { const r = addWd(cal, d, n); return { date: r.date, isProvisional: r.isProvisional }; };
const countWorkingDays = (a: string, b: string) => countWd(cal, a, b);
const firstWorkingDayFrom = (d: string) => firstWd(cal, d);
const isWorkingDay = (d: string) => isWd(cal, d);
import type { CheckInput, CheckProject, Finding, PriorNotice, RuleSeverity } from '../../src/trading/checks/check.types.ts';
import { RULE_CATALOG, hasBlocking, runChecks } from '../../src/trading/checks/run-checks.ts';
import { CATEGORIES, METHODS, NOTICE_TYPES, type NoticeFacts, type NoticeType } from '../../src/trading/trading.model.ts';

// ---------------------------------------------------------------------------------------------------------
// Builder: a valid notice of each type on a valid project; each test changes only what it is about.

const WAN = 1_000_000; // fen in 1 万元

function project(over: Partial<CheckProject> = {}): CheckProject {
  return {
    category: 'works',
    method: 'open_tender',
    isMandatoryTendering: true,
    budgetFen: 200 * WAN,
    lots: [
      { lotNo: 1, name: '一标段', budgetFen: 100 * WAN },
      { lotNo: 2, name: '二标段', budgetFen: 100 * WAN },
    ],
    status: 'open',
    bidDeadline: '2026-03-23T09:30:00+08:00',
    openingAt: '2026-03-23T09:30:00+08:00',
    ...over,
  };
}

const BASE_FACTS: Record<NoticeType, Omit<NoticeFacts, 'type'>> = {
  tender_notice: {
    lotNos: [1],
    contact: { name: '王工', phone: '0731-88888888' },
    docSaleStart: '2026-03-02',
    docSaleEnd: '2026-03-06',
    bidDeadline: '2026-03-23T09:30:00+08:00',
    openingAt: '2026-03-23T09:30:00+08:00',
    openingPlace: '市公共资源交易中心开标一室',
    depositFen: 2 * WAN,
  },
  prequalification_notice: {
    lotNos: [1],
    contact: { name: '王工', phone: '0731-88888888' },
    docSaleStart: '2026-03-02',
    docSaleEnd: '2026-03-06',
    bidDeadline: '2026-03-12T09:30:00+08:00',
  },
  amendment_notice: { lotNos: [1], amendsNoticeId: 101, changeSummary: '更正资格要求中的资质等级', affectsPreparation: false },
  candidates_notice: {
    lotNos: [1],
    candidates: [
      { lotNo: 1, rank: 1, name: '甲建设（集团）有限公司', priceFen: 95 * WAN },
      { lotNo: 1, rank: 2, name: '乙建工有限公司', priceFen: 97 * WAN },
    ],
    evaluationReportOn: '2026-03-24',
    publicityStart: '2026-03-25',
    publicityEnd: '2026-03-27',
    objectionChannel: '书面向招标人提出，电话 0731-88888888',
  },
  award_notice: { lotNos: [1], winners: [{ lotNo: 1, name: '甲建设（集团）有限公司', priceFen: 95 * WAN }], awardNoticeOn: '2026-03-30' },
  termination_notice: { lotNos: [1], terminationKind: 'failed', reason: '投标人少于 3 个', refundArrangement: '投标保证金及同期存款利息于 5 日内退还' },
  contract_notice: { lotNos: [1], signedOn: '2026-04-20', contractAmountFen: 95 * WAN, supplierName: '甲建设（集团）有限公司' },
};

const DEFAULT_NOW: Record<NoticeType, string> = {
  tender_notice: '2026-03-02T08:00:00+08:00',
  prequalification_notice: '2026-03-02T08:00:00+08:00',
  amendment_notice: '2026-03-04T10:00:00+08:00',
  candidates_notice: '2026-03-25T09:00:00+08:00',
  award_notice: '2026-03-30T10:00:00+08:00',
  termination_notice: '2026-03-23T11:00:00+08:00',
  contract_notice: '2026-04-21T10:00:00+08:00',
};

function published(id: number, type: NoticeType, publishedAt: string, facts: Partial<NoticeFacts> = {}): PriorNotice {
  return { id, type, publishedAt, facts: { type, ...BASE_FACTS[type], ...facts } };
}

const TENDER = published(101, 'tender_notice', '2026-03-02T09:00:00+08:00');
const CANDIDATES = published(102, 'candidates_notice', '2026-03-25T09:00:00+08:00');
const AWARD = published(103, 'award_notice', '2026-03-30T10:00:00+08:00');

const DEFAULT_PRIOR: Record<NoticeType, PriorNotice[]> = {
  tender_notice: [],
  prequalification_notice: [],
  amendment_notice: [TENDER],
  candidates_notice: [TENDER],
  award_notice: [TENDER, CANDIDATES],
  termination_notice: [TENDER],
  contract_notice: [TENDER, CANDIDATES, AWARD],
};

type Build = { facts?: Partial<NoticeFacts>; project?: Partial<CheckProject>; prior?: PriorNotice[]; now?: string };

function build(type: NoticeType, o: Build = {}): CheckInput {
  return {
    project: project(o.project),
    facts: { type, ...BASE_FACTS[type], ...o.facts },
    title: '测试公告',
    bodyText: '',
    prior: o.prior ?? DEFAULT_PRIOR[type],
    now: o.now ?? DEFAULT_NOW[type],
    calendar: cal,
  };
}

function findings(input: CheckInput, ruleId: string, severities?: RuleSeverity): Finding[] {
  return runChecks(input, severities).filter((f) => f.ruleId === ruleId);
}

function only(input: CheckInput, ruleId: string): Finding {
  const found = findings(input, ruleId);
  expect(found).toHaveLength(1);
  const [f] = found;
  if (!f) throw new Error('no finding');
  return f;
}

// ---------------------------------------------------------------------------------------------------------

describe('a valid notice of every type', () => {
  it.each(NOTICE_TYPES)('passes every check: %s', (type) => {
    expect(runChecks(build(type))).toEqual([]);
  });
});

describe('bid_period_min (招标投标法第二十四条 / 政府采购法第三十五条)', () => {
  it('accepts a works tender whose bid deadline is exactly 20 days after the documents start to be issued', () => {
    expect(findings(build('tender_notice', { facts: { docSaleStart: '2026-03-01', docSaleEnd: '2026-03-05', bidDeadline: '2026-03-21T09:00:00+08:00', openingAt: '2026-03-21T09:00:00+08:00' } }), 'bid_period_min')).toEqual([]);
  });

  it('rejects a works tender with 19 days and says the earliest lawful deadline', () => {
    const f = only(build('tender_notice', { facts: { docSaleStart: '2026-03-01', docSaleEnd: '2026-03-05', bidDeadline: '2026-03-20T09:00:00+08:00', openingAt: '2026-03-20T09:00:00+08:00' } }), 'bid_period_min');
    expect(f).toMatchObject({ severity: 'block', field: 'facts.bidDeadline', citation: '《中华人民共和国招标投标法》第二十四条' });
    expect(f.message).toContain('只有 19 日');
    expect(f.message).toContain('2026-03-01');
    expect(f.message).toContain('2026-03-20');
    expect(f.message).toContain('推迟到 2026-03-21 或以后');
  });

  it('counts the deadline on its Beijing date, not its UTC date', () => {
    // 2026-03-20 17:00 UTC is 2026-03-21 01:00 in Beijing: 20 days.
    expect(findings(build('tender_notice', { facts: { docSaleStart: '2026-03-01', docSaleEnd: '2026-03-05', bidDeadline: '2026-03-20T17:00:00Z', openingAt: '2026-03-21T09:00:00+08:00' } }), 'bid_period_min')).toEqual([]);
  });

  it('cites 政府采购法第三十五条 for a procurement open tender', () => {
    const f = only(build('tender_notice', { project: { category: 'procurement' }, facts: { docSaleStart: '2026-03-02', bidDeadline: '2026-03-17T09:00:00+08:00', openingAt: '2026-03-17T09:00:00+08:00' } }), 'bid_period_min');
    expect(f.citation).toBe('《中华人民共和国政府采购法》第三十五条');
    expect(f.message).toContain('只有 15 日');
  });

  it('does not apply to works that need not be tendered by law, nor to competitive negotiation', () => {
    const short = { docSaleStart: '2026-03-02', bidDeadline: '2026-03-10T09:00:00+08:00', openingAt: '2026-03-10T09:00:00+08:00' };
    expect(findings(build('tender_notice', { project: { isMandatoryTendering: false }, facts: short }), 'bid_period_min')).toEqual([]);
    expect(findings(build('tender_notice', { project: { category: 'procurement', method: 'competitive_negotiation' }, facts: short }), 'bid_period_min')).toEqual([]);
  });
});

describe('doc_sale_period_min (实施条例第十六条 / 政府采购法实施条例第三十一条)', () => {
  it('accepts a works sale period of 5 days counting both ends', () => {
    expect(findings(build('tender_notice', { facts: { docSaleStart: '2026-03-02', docSaleEnd: '2026-03-06' } }), 'doc_sale_period_min')).toEqual([]);
  });

  it('rejects a works sale period of 4 days and names the earliest end date', () => {
    const f = only(build('tender_notice', { facts: { docSaleStart: '2026-03-02', docSaleEnd: '2026-03-05' } }), 'doc_sale_period_min');
    expect(f).toMatchObject({ field: 'facts.docSaleEnd', citation: '《中华人民共和国招标投标法实施条例》第十六条' });
    expect(f.message).toContain('招标文件发售期只有 4 日（2026-03-02 至 2026-03-05）');
    expect(f.message).toContain('2026-03-06');
  });

  it('applies to a works prequalification notice too', () => {
    const f = only(build('prequalification_notice', { facts: { docSaleStart: '2026-03-02', docSaleEnd: '2026-03-03' } }), 'doc_sale_period_min');
    expect(f.message).toContain('资格预审文件发售期只有 2 日');
  });

  it('counts procurement periods in working days, across the National Day holiday and its make-up Saturday', () => {
    const proc = { category: 'procurement' as const, bidDeadline: '2026-10-30T09:00:00+08:00' };
    const tooShort = build('tender_notice', { project: proc, facts: { docSaleStart: '2026-09-29', docSaleEnd: '2026-10-09', bidDeadline: '2026-10-30T09:00:00+08:00', openingAt: '2026-10-30T09:00:00+08:00' } });
    const f = only(tooShort, 'doc_sale_period_min');
    expect(f.citation).toBe('《中华人民共和国政府采购法实施条例》第三十一条');
    expect(f.message).toContain('只有 4 个工作日（2026-09-29 至 2026-10-09）');
    expect(f.message).toContain('延长到 2026-10-10 或以后');
    const enough = build('tender_notice', { project: proc, facts: { docSaleStart: '2026-09-29', docSaleEnd: '2026-10-10', bidDeadline: '2026-10-30T09:00:00+08:00', openingAt: '2026-10-30T09:00:00+08:00' } });
    expect(findings(enough, 'doc_sale_period_min')).toEqual([]);
  });

  it('says when working days beyond the holiday data were guessed as Monday to Friday', () => {
    const f = only(build('tender_notice', { project: { category: 'procurement' }, facts: { docSaleStart: '2027-03-01', docSaleEnd: '2027-03-04', bidDeadline: '2027-03-22T09:00:00+08:00', openingAt: '2027-03-22T09:00:00+08:00' }, now: '2027-03-01T08:00:00+08:00' }), 'doc_sale_period_min');
    expect(f.message).toContain('只有 4 个工作日');
    expect(f.message).toContain('暂按周一至周五计算');
  });

  it('does not apply to a procurement prequalification notice (its window is a different article)', () => {
    expect(findings(build('prequalification_notice', { project: { category: 'procurement' }, facts: { docSaleStart: '2026-03-02', docSaleEnd: '2026-03-03' } }), 'doc_sale_period_min')).toEqual([]);
  });
});

describe('amendment_deadline_15d (实施条例第二十一条 / 政府采购法实施条例第三十一条)', () => {
  const affecting = { affectsPreparation: true };

  it('accepts a change that affects preparation issued exactly 15 days before the deadline', () => {
    expect(findings(build('amendment_notice', { facts: affecting, now: '2026-03-08T16:00:00+08:00' }), 'amendment_deadline_15d')).toEqual([]);
  });

  it('rejects one issued 14 days before and names the earliest lawful deadline', () => {
    const f = only(build('amendment_notice', { facts: affecting, now: '2026-03-09T10:00:00+08:00' }), 'amendment_deadline_15d');
    expect(f).toMatchObject({ field: 'facts.newBidDeadline', citation: '《中华人民共和国招标投标法实施条例》第二十一条' });
    expect(f.message).toContain('2026-03-09');
    expect(f.message).toContain('2026-03-23 09:30');
    expect(f.message).toContain('只有 14 日');
    expect(f.message).toContain('顺延到 2026-03-24 或以后');
  });

  it('measures against the new deadline when the amendment moves it', () => {
    const moved = { ...affecting, newBidDeadline: '2026-03-24T09:30:00+08:00', newOpeningAt: '2026-03-24T09:30:00+08:00' };
    expect(findings(build('amendment_notice', { facts: moved, now: '2026-03-09T10:00:00+08:00' }), 'amendment_deadline_15d')).toEqual([]);
  });

  it('does not apply when the change does not affect preparation, or amends a prequalification notice', () => {
    expect(findings(build('amendment_notice', { now: '2026-03-20T10:00:00+08:00' }), 'amendment_deadline_15d')).toEqual([]);
    const prequal = published(201, 'prequalification_notice', '2026-03-02T09:00:00+08:00');
    expect(findings(build('amendment_notice', { facts: { ...affecting, amendsNoticeId: 201 }, prior: [prequal], now: '2026-03-20T10:00:00+08:00' }), 'amendment_deadline_15d')).toEqual([]);
  });

  it('cites 政府采购法实施条例第三十一条 for procurement', () => {
    const f = only(build('amendment_notice', { project: { category: 'procurement' }, facts: affecting, now: '2026-03-20T10:00:00+08:00' }), 'amendment_deadline_15d');
    expect(f.citation).toBe('《中华人民共和国政府采购法实施条例》第三十一条');
  });
});

describe('deposit_max_2pct (实施条例第二十六条 / 政府采购法实施条例第三十三条)', () => {
  it('accepts a deposit of exactly 2% of the lot estimate', () => {
    expect(findings(build('tender_notice', { facts: { depositFen: 2 * WAN } }), 'deposit_max_2pct')).toEqual([]);
  });

  it('rejects one fen more and gives the cap in yuan', () => {
    const f = only(build('tender_notice', { facts: { depositFen: 2 * WAN + 1 } }), 'deposit_max_2pct');
    expect(f).toMatchObject({ field: 'facts.depositFen', citation: '《中华人民共和国招标投标法实施条例》第二十六条' });
    expect(f.message).toContain('20,000.01 元');
    expect(f.message).toContain('第 1 标段（包）合计 1,000,000.00 元');
    expect(f.message).toContain('降到 20,000.00 元或以下');
  });

  it('sums the budgets of every lot the notice covers', () => {
    expect(findings(build('tender_notice', { facts: { lotNos: [1, 2], depositFen: 4 * WAN } }), 'deposit_max_2pct')).toEqual([]);
  });

  it('falls back to the project budget when a lot has none', () => {
    const lots = [{ lotNo: 1, name: '一标段', budgetFen: null }];
    expect(findings(build('tender_notice', { project: { lots }, facts: { depositFen: 4 * WAN } }), 'deposit_max_2pct')).toEqual([]);
    const f = only(build('tender_notice', { project: { lots }, facts: { depositFen: 5 * WAN } }), 'deposit_max_2pct');
    expect(f.message).toContain('项目预算 2,000,000.00 元');
  });

  it('cites 政府采购法实施条例第三十三条 for procurement and ignores land sales', () => {
    expect(only(build('tender_notice', { project: { category: 'procurement' }, facts: { depositFen: 3 * WAN } }), 'deposit_max_2pct').citation).toBe('《中华人民共和国政府采购法实施条例》第三十三条');
    expect(findings(build('tender_notice', { project: { category: 'land_mining', method: 'listing' }, facts: { depositFen: 50 * WAN } }), 'deposit_max_2pct')).toEqual([]);
  });
});

describe('candidate_publicity_min and candidate_publicity_timely (实施条例第五十四条)', () => {
  it('accepts a publicity period of 3 days counting both ends', () => {
    expect(findings(build('candidates_notice'), 'candidate_publicity_min')).toEqual([]);
  });

  it('rejects 2 days and names the earliest end date', () => {
    const f = only(build('candidates_notice', { facts: { publicityEnd: '2026-03-26' } }), 'candidate_publicity_min');
    expect(f).toMatchObject({ field: 'facts.publicityEnd', citation: '《中华人民共和国招标投标法实施条例》第五十四条', severity: 'block' });
    expect(f.message).toContain('只有 2 日（2026-03-25 至 2026-03-26）');
    expect(f.message).toContain('2026-03-27');
  });

  it('accepts publication on the third day after the report and warns on the fourth', () => {
    expect(findings(build('candidates_notice', { now: '2026-03-27T17:00:00+08:00' }), 'candidate_publicity_timely')).toEqual([]);
    const f = only(build('candidates_notice', { now: '2026-03-28T09:00:00+08:00' }), 'candidate_publicity_timely');
    expect(f.severity).toBe('warn');
    expect(f.message).toContain('收到评标报告（2026-03-24）后第 4 日（2026-03-28）');
    expect(f.message).toContain('最迟应在 2026-03-27');
  });

  it('moves a last day that falls on a holiday to the next working day (民法典第二百零三条)', () => {
    const report = { evaluationReportOn: '2026-09-28', publicityStart: '2026-10-08', publicityEnd: '2026-10-10' };
    const bid = { bidDeadline: '2026-09-25T09:30:00+08:00' };
    expect(findings(build('candidates_notice', { project: bid, facts: report, now: '2026-10-08T09:00:00+08:00' }), 'candidate_publicity_timely')).toEqual([]);
    expect(only(build('candidates_notice', { project: bid, facts: report, now: '2026-10-09T09:00:00+08:00' }), 'candidate_publicity_timely').message).toContain('最迟应在 2026-10-08');
  });

  it('does not apply to works that need not be tendered by law', () => {
    const input = build('candidates_notice', { project: { isMandatoryTendering: false }, facts: { publicityEnd: '2026-03-25' }, now: '2026-04-10T09:00:00+08:00' });
    expect(findings(input, 'candidate_publicity_min')).toEqual([]);
    expect(findings(input, 'candidate_publicity_timely')).toEqual([]);
  });
});

describe('contract_within_30d (招标投标法第四十六条 / 政府采购法第四十六条)', () => {
  it('accepts a contract signed on the 30th day after the award notice', () => {
    expect(findings(build('contract_notice', { facts: { signedOn: '2026-04-29' }, now: '2026-04-30T10:00:00+08:00' }), 'contract_within_30d')).toEqual([]);
  });

  it('warns about one signed on the 31st day', () => {
    const f = only(build('contract_notice', { facts: { signedOn: '2026-04-30' }, now: '2026-05-06T10:00:00+08:00' }), 'contract_within_30d');
    expect(f).toMatchObject({ severity: 'warn', field: 'facts.signedOn', citation: '《中华人民共和国招标投标法》第四十六条' });
    expect(f.message).toContain('（2026-03-30）');
    expect(f.message).toContain('第 31 日才签订（2026-04-30）');
    expect(f.message).toContain('最迟 2026-04-29');
  });

  it('uses the award notice publication date when the issue date is missing, and says so', () => {
    const award = published(103, 'award_notice', '2026-03-31T10:00:00+08:00', { awardNoticeOn: undefined });
    const f = only(build('contract_notice', { prior: [TENDER, award], facts: { signedOn: '2026-05-06' }, now: '2026-05-07T10:00:00+08:00' }), 'contract_within_30d');
    expect(f.message).toContain('（2026-03-31）（结果公告未填中标通知书发出日期，按其发布日期计）');
  });

  it('cites 政府采购法第四十六条 for procurement, whatever the method', () => {
    const f = only(build('contract_notice', { project: { category: 'procurement', method: 'inquiry' }, facts: { signedOn: '2026-05-20' }, now: '2026-05-21T10:00:00+08:00' }), 'contract_within_30d');
    expect(f.citation).toBe('《中华人民共和国政府采购法》第四十六条');
  });
});

describe('required_fields', () => {
  it('names each missing field of a tender notice in Chinese', () => {
    const f = only(build('tender_notice', { facts: { openingPlace: '  ' } }), 'required_fields');
    expect(f).toEqual({ ruleId: 'required_fields', severity: 'block', citation: '', message: '开标地点：必须填写。', field: 'facts.openingPlace' });
  });

  it('gives one finding per missing field', () => {
    const input: CheckInput = { ...build('contract_notice'), facts: { type: 'contract_notice', lotNos: [1] } };
    expect(findings(input, 'required_fields').map((f) => f.field)).toEqual(['facts.signedOn', 'facts.contractAmountFen', 'facts.supplierName']);
  });

  it('needs at least one candidate, each with rank, name and price', () => {
    expect(only(build('candidates_notice', { facts: { candidates: [] } }), 'required_fields').field).toBe('facts.candidates');
    const f = only(build('candidates_notice', { facts: { candidates: [{ lotNo: 1, rank: 1, name: '甲建设（集团）有限公司', priceFen: null }] } }), 'required_fields');
    expect(f).toMatchObject({ field: 'facts.candidates[0].priceFen', message: '第 1 位中标候选人的投标报价：必须填写。' });
  });

  it('requires whether an amendment affects preparation, even when the answer is no', () => {
    expect(findings(build('amendment_notice', { facts: { affectsPreparation: false } }), 'required_fields')).toEqual([]);
    const input: CheckInput = { ...build('amendment_notice'), facts: { type: 'amendment_notice', lotNos: [1], amendsNoticeId: 101, changeSummary: '更正' } };
    expect(only(input, 'required_fields').message).toBe('是否影响投标文件编制：必须填写。');
  });

  it('cites 实施条例第三十一条 for a missing refund arrangement on a works termination', () => {
    const f = only(build('termination_notice', { facts: { refundArrangement: '' } }), 'required_fields');
    expect(f).toMatchObject({ field: 'facts.refundArrangement', citation: '《中华人民共和国招标投标法实施条例》第三十一条' });
  });

  it('asks no bid opening of a land auction', () => {
    const input = build('tender_notice', { project: { category: 'land_mining', method: 'auction' }, facts: { openingAt: undefined, openingPlace: undefined } });
    expect(findings(input, 'required_fields')).toEqual([]);
  });
});

describe('lot_numbers', () => {
  it('rejects a lot the project does not have', () => {
    const f = only(build('tender_notice', { facts: { lotNos: [3] } }), 'lot_numbers');
    expect(f.message).toContain('第 3 号不在本项目中');
    expect(f.message).toContain('第 1、2 标段（包）');
  });

  it('requires a lot when the project has lots', () => {
    expect(only(build('tender_notice', { facts: { lotNos: [] } }), 'lot_numbers').field).toBe('facts.lotNos');
  });

  it('rejects a winner of a lot the notice does not cover', () => {
    const f = only(build('award_notice', { facts: { winners: [{ lotNo: 2, name: '丙公司', priceFen: 90 * WAN }] }, prior: [TENDER] }), 'lot_numbers');
    expect(f).toMatchObject({ field: 'facts.winners[0].lotNo' });
    expect(f.message).toContain('「丙公司」属于第 2 标段（包）');
  });

  it('accepts a project without lots', () => {
    expect(findings(build('tender_notice', { project: { lots: [] }, facts: { lotNos: [] } }), 'lot_numbers')).toEqual([]);
  });
});

describe('date_order', () => {
  it('rejects a sale period that ends before it starts', () => {
    const f = only(build('tender_notice', { facts: { docSaleStart: '2026-03-06', docSaleEnd: '2026-03-02' } }), 'date_order');
    expect(f.message).toContain('（2026-03-02）早于开始日期（2026-03-06）');
  });

  it('rejects a bid opening before the bid deadline and accepts one at the deadline', () => {
    const f = only(build('tender_notice', { facts: { openingAt: '2026-03-23T09:29:00+08:00' } }), 'date_order');
    expect(f).toMatchObject({ field: 'facts.openingAt' });
    expect(f.message).toContain('开标时间（2026-03-23 09:29）早于投标截止时间（2026-03-23 09:30）');
  });

  it('rejects a bid deadline before the end of the sale period', () => {
    expect(only(build('prequalification_notice', { facts: { bidDeadline: '2026-03-05T09:00:00+08:00' } }), 'date_order').message).toContain('早于文件获取截止日期（2026-03-06）');
  });

  it('rejects a new bid deadline that is not later than the current one', () => {
    const f = only(build('amendment_notice', { facts: { newBidDeadline: '2026-03-23T09:30:00+08:00', newOpeningAt: '2026-03-23T09:30:00+08:00' } }), 'date_order');
    expect(f.field).toBe('facts.newBidDeadline');
  });

  it('rejects a later deadline that leaves the old opening time before it', () => {
    const f = only(build('amendment_notice', { facts: { newBidDeadline: '2026-03-30T09:30:00+08:00' } }), 'date_order');
    expect(f).toMatchObject({ field: 'facts.newOpeningAt' });
  });

  it('rejects a contract signed before the award notice', () => {
    expect(only(build('contract_notice', { facts: { signedOn: '2026-03-29' } }), 'date_order').message).toContain('合同签订日期（2026-03-29）早于中标（成交）通知书发出日期（2026-03-30）');
  });

  it('reports a date that does not exist instead of skipping it silently', () => {
    const f = only(build('candidates_notice', { facts: { publicityEnd: '2026-02-30' } }), 'date_order');
    expect(f).toMatchObject({ field: 'facts.publicityEnd' });
    expect(f.message).toContain('「2026-02-30」不是有效日期');
  });
});

describe('award_within_ceiling', () => {
  it('accepts a works award equal to its lot ceiling and rejects one fen above', () => {
    expect(findings(build('award_notice', { facts: { winners: [{ lotNo: 1, name: '甲建设（集团）有限公司', priceFen: 100 * WAN }] }, prior: [TENDER] }), 'award_within_ceiling')).toEqual([]);
    const f = only(build('award_notice', { facts: { winners: [{ lotNo: 1, name: '甲建设（集团）有限公司', priceFen: 100 * WAN + 1 }] }, prior: [TENDER] }), 'award_within_ceiling');
    expect(f).toMatchObject({ severity: 'block', citation: '', field: 'facts.winners[0].priceFen' });
    expect(f.message).toContain('1,000,000.01 元高于第 1 标段（包）的最高投标限价 1,000,000.00 元');
  });

  it('checks candidates prices too', () => {
    const f = only(build('candidates_notice', { facts: { candidates: [{ lotNo: 1, rank: 1, name: '甲', priceFen: 101 * WAN }] } }), 'award_within_ceiling');
    expect(f.field).toBe('facts.candidates[0].priceFen');
  });

  it('reverses for a land sale: a price below the starting price is the finding', () => {
    const sale = { category: 'land_mining' as const, method: 'listing' as const, lots: [], budgetFen: 500 * WAN };
    const winner = (priceFen: number) => ({ lotNos: [], winners: [{ lotNo: 1, name: '某置业有限公司', priceFen }] });
    expect(findings(build('award_notice', { project: sale, facts: winner(500 * WAN), prior: [TENDER] }), 'award_within_ceiling')).toEqual([]);
    expect(findings(build('award_notice', { project: sale, facts: winner(800 * WAN), prior: [TENDER] }), 'award_within_ceiling')).toEqual([]);
    const f = only(build('award_notice', { project: sale, facts: winner(499 * WAN), prior: [TENDER] }), 'award_within_ceiling');
    expect(f.message).toContain('4,990,000.00 元低于本项目的起始价 5,000,000.00 元');
  });
});

describe('notice_order', () => {
  it('needs a published tender or prequalification notice first', () => {
    expect(only(build('award_notice', { prior: [] }), 'notice_order').message).toContain('还没有已发布的招标');
  });

  it('refuses anything after a termination notice', () => {
    const ended = published(104, 'termination_notice', '2026-03-23T11:00:00+08:00');
    expect(only(build('amendment_notice', { prior: [TENDER, ended] }), 'notice_order').message).toContain('已于 2026-03-23 发布终止公告');
  });

  it('refuses candidates before the bid deadline and accepts them at it', () => {
    expect(only(build('candidates_notice', { now: '2026-03-23T09:29:00+08:00' }), 'notice_order').message).toContain('投标截止时间（2026-03-23 09:30）还没到');
    expect(findings(build('candidates_notice', { now: '2026-03-23T09:30:00+08:00' }), 'notice_order')).toEqual([]);
  });

  it('needs an award notice before a contract notice', () => {
    expect(only(build('contract_notice', { prior: [TENDER] }), 'notice_order').message).toContain('不能发布合同公告');
  });

  it('refuses an amendment of a notice that is not on the project', () => {
    expect(only(build('amendment_notice', { facts: { amendsNoticeId: 999 } }), 'notice_order')).toMatchObject({ field: 'facts.amendsNoticeId' });
  });

  it('refuses a second tender notice on the same project', () => {
    expect(only(build('tender_notice', { prior: [TENDER] }), 'notice_order').message).toContain('请发布变更（澄清）公告');
  });
});

describe('award_in_candidates', () => {
  it('accepts a winner that was publicised, whatever the bracket width', () => {
    const winners = [{ lotNo: 1, name: '甲建设(集团)有限公司', priceFen: 95 * WAN }];
    expect(findings(build('award_notice', { facts: { winners } }), 'award_in_candidates')).toEqual([]);
  });

  it('rejects a winner who was not among the candidates of that lot and lists them', () => {
    const f = only(build('award_notice', { facts: { winners: [{ lotNo: 1, name: '丁工程有限公司', priceFen: 95 * WAN }] } }), 'award_in_candidates');
    expect(f.message).toContain('「丁工程有限公司」不在第 1 标段（包）的中标候选人公示（2026-03-25 发布）');
    expect(f.message).toContain('甲建设（集团）有限公司、乙建工有限公司');
  });

  it('ignores lots that had no candidates publicity', () => {
    const winners = [{ lotNo: 2, name: '丁工程有限公司', priceFen: 95 * WAN }];
    expect(findings(build('award_notice', { facts: { lotNos: [2], winners } }), 'award_in_candidates')).toEqual([]);
  });
});

// One failing input per rule: the severity a center sets replaces the default, and 'off' silences the rule.
const FAILING: Record<string, CheckInput> = {
  bid_period_min: build('tender_notice', { facts: { bidDeadline: '2026-03-20T09:00:00+08:00', openingAt: '2026-03-20T09:00:00+08:00' } }),
  doc_sale_period_min: build('tender_notice', { facts: { docSaleEnd: '2026-03-05' } }),
  amendment_deadline_15d: build('amendment_notice', { facts: { affectsPreparation: true }, now: '2026-03-20T10:00:00+08:00' }),
  deposit_max_2pct: build('tender_notice', { facts: { depositFen: 3 * WAN } }),
  candidate_publicity_min: build('candidates_notice', { facts: { publicityEnd: '2026-03-25' } }),
  candidate_publicity_timely: build('candidates_notice', { now: '2026-04-01T09:00:00+08:00' }),
  contract_within_30d: build('contract_notice', { facts: { signedOn: '2026-05-20' } }),
  required_fields: build('contract_notice', { facts: { supplierName: '' } }),
  lot_numbers: build('tender_notice', { facts: { lotNos: [9] } }),
  date_order: build('tender_notice', { facts: { openingAt: '2026-03-22T09:00:00+08:00' } }),
  award_within_ceiling: build('award_notice', { facts: { winners: [{ lotNo: 1, name: '甲建设（集团）有限公司', priceFen: 120 * WAN }] } }),
  notice_order: build('tender_notice', { prior: [TENDER] }),
  award_in_candidates: build('award_notice', { facts: { winners: [{ lotNo: 1, name: '戊公司', priceFen: 95 * WAN }] } }),
};

describe('severity policy', () => {
  it('has a failing example for every rule in the catalog', () => {
    expect(Object.keys(FAILING).sort()).toEqual(RULE_CATALOG.map((r) => r.id).sort());
  });

  it.each(RULE_CATALOG.map((r) => [r.id, r.defaultSeverity] as const))('%s: default %s, overridden to warn, turned off', (id, def) => {
    const input = FAILING[id];
    if (!input) throw new Error(`no failing example for ${id}`);
    const byDefault = findings(input, id);
    expect(byDefault.length).toBeGreaterThan(0);
    expect(byDefault.every((f) => f.severity === def)).toBe(true);
    const warned = findings(input, id, { [id]: 'warn' });
    expect(warned.length).toBe(byDefault.length);
    expect(warned.every((f) => f.severity === 'warn')).toBe(true);
    expect(findings(input, id, { [id]: 'off' })).toEqual([]);
    expect(findings(input, id, { [id]: 'block' }).every((f) => f.severity === 'block')).toBe(true);
  });

  it('blocks only when a finding is blocking', () => {
    const input = FAILING.bid_period_min;
    if (!input) throw new Error('missing');
    expect(hasBlocking(runChecks(input))).toBe(true);
    expect(hasBlocking(runChecks(input, { bid_period_min: 'warn' }))).toBe(false);
    expect(hasBlocking([])).toBe(false);
  });
});

describe('rule catalog', () => {
  const VERIFIED = new Set([
    '《中华人民共和国招标投标法》第二十四条',
    '《中华人民共和国招标投标法》第四十六条',
    '《中华人民共和国招标投标法实施条例》第十六条',
    '《中华人民共和国招标投标法实施条例》第二十一条',
    '《中华人民共和国招标投标法实施条例》第二十六条',
    '《中华人民共和国招标投标法实施条例》第五十四条',
    '《中华人民共和国政府采购法》第三十五条',
    '《中华人民共和国政府采购法》第四十六条',
    '《中华人民共和国政府采购法实施条例》第三十一条',
    '《中华人民共和国政府采购法实施条例》第三十三条',
  ]);

  it('cites only verified articles, and only on statutory rules', () => {
    for (const r of RULE_CATALOG) {
      const cited = r.citation === '' ? [] : r.citation.split('；');
      expect(cited.every((c) => VERIFIED.has(c)), r.id).toBe(true);
      expect(cited.length > 0, r.id).toBe(r.kind === 'statutory');
    }
  });

  it('has unique ids and a Chinese label for every rule', () => {
    expect(new Set(RULE_CATALOG.map((r) => r.id)).size).toBe(RULE_CATALOG.length);
    expect(RULE_CATALOG.every((r) => /\p{Script=Han}/u.test(r.label))).toBe(true);
  });
});

describe('working days', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('skips the National Day holiday and counts its make-up Saturday', () => {
    expect(countWorkingDays('2026-09-29', '2026-10-09')).toEqual({ days: 4, isProvisional: false });
    expect(isWorkingDay('2026-10-10')).toEqual({ isWorkingDay: true, isProvisional: false });
    expect(addWorkingDays('2026-09-28', 5)).toEqual({ date: '2026-10-10', isProvisional: false });
    expect(addWorkingDays('2026-10-08', -1)).toEqual({ date: '2026-09-30', isProvisional: false });
    expect(firstWorkingDayFrom('2026-10-01').date).toBe('2026-10-08');
  });

  it('counts both ends and returns 0 for a reversed range', () => {
    expect(countWorkingDays('2026-03-02', '2026-03-02').days).toBe(1);
    expect(countWorkingDays('2026-03-06', '2026-03-02').days).toBe(0);
  });

  it('falls back to Monday to Friday outside the holiday data and says so', () => {
    expect(countWorkingDays('2027-03-01', '2027-03-07')).toEqual({ days: 5, isProvisional: true });
    expect(countWorkingDays('2026-12-28', '2027-01-03')).toEqual({ days: 5, isProvisional: true });
  });

  it('gives the same answer west of Greenwich', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(isWorkingDay('2026-10-10').isWorkingDay).toBe(true);
    expect(isWorkingDay('2026-10-01').isWorkingDay).toBe(false);
    expect(countWorkingDays('2026-09-29', '2026-10-09').days).toBe(4);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property: whatever the facts and project say, the checks answer with findings, never with an exception.

const dateLike = fc.oneof(
  fc.string(),
  fc.constantFrom('', '2026-02-30', '2026-2-3', '0000-00-00', '9999-12-31', '1900-01-01', '2026-03-01'),
  fc.date({ min: new Date('1940-01-01'), max: new Date('2110-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const instantLike = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'not a time', '2026-03-23T09:30:00+08:00', '2026-03-23T25:00:00+08:00', '+275760-09-13T00:00:00Z'),
  fc.date({ min: new Date('1940-01-01'), max: new Date('2110-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
);
const fen = fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER));
const lotNo = fc.integer({ min: -2, max: 5 });
const name = fc.oneof(fc.string(), fc.constantFrom('', '（', '甲建设（集团）有限公司'));

const factsArb: fc.Arbitrary<NoticeFacts> = fc.record(
  {
    type: fc.constantFrom(...NOTICE_TYPES),
    lotNos: fc.array(lotNo, { maxLength: 4 }),
    contact: fc.record({ name, phone: fc.string() }),
    docSaleStart: dateLike,
    docSaleEnd: dateLike,
    bidDeadline: instantLike,
    openingAt: instantLike,
    openingPlace: fc.string(),
    depositFen: fc.option(fen),
    amendsNoticeId: fc.integer(),
    changeSummary: fc.string(),
    affectsPreparation: fc.boolean(),
    newBidDeadline: instantLike,
    newOpeningAt: instantLike,
    evaluationReportOn: dateLike,
    publicityStart: dateLike,
    publicityEnd: dateLike,
    candidates: fc.array(fc.record({ lotNo, rank: fen, name, priceFen: fc.option(fen) }), { maxLength: 4 }),
    objectionChannel: fc.string(),
    winners: fc.array(fc.record({ lotNo, name, priceFen: fen }), { maxLength: 4 }),
    awardNoticeOn: dateLike,
    startingPriceFen: fc.option(fen),
    terminationKind: fc.constantFrom('terminated' as const, 'failed' as const),
    reason: fc.string(),
    refundArrangement: fc.string(),
    signedOn: dateLike,
    contractAmountFen: fen,
    supplierName: fc.string(),
  },
  { requiredKeys: ['type', 'lotNos'] },
);

const projectArb: fc.Arbitrary<CheckProject> = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  method: fc.constantFrom(...METHODS),
  isMandatoryTendering: fc.boolean(),
  budgetFen: fc.option(fen),
  lots: fc.array(fc.record({ lotNo, name: fc.string(), budgetFen: fc.option(fen) }), { maxLength: 3 }),
  status: fc.constantFrom('open' as const, 'evaluating' as const, 'awarded' as const),
  bidDeadline: fc.option(instantLike),
  openingAt: fc.option(instantLike),
});

const priorArb: fc.Arbitrary<PriorNotice[]> = fc.array(
  fc.record({ id: fc.integer({ min: 1, max: 5 }), type: fc.constantFrom(...NOTICE_TYPES), publishedAt: instantLike, facts: factsArb }),
  { maxLength: 4 },
);

describe('robustness', () => {
  it('never throws and always explains itself, for arbitrary facts, projects and history', () => {
    fc.assert(
      fc.property(factsArb, projectArb, priorArb, instantLike, (facts, proj, prior, now) => {
        const out = runChecks({ project: proj, facts, title: '', bodyText: '', prior, now, calendar: cal });
        for (const f of out) {
          expect(f.message.length).toBeGreaterThan(0);
          expect(['block', 'warn']).toContain(f.severity);
        }
      }),
      { numRuns: 500 },
    );
  });
});
