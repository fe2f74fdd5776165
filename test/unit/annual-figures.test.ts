import { describe, expect, it } from 'vitest';
import { checkBalance } from '../../src/reports/annual/annual-checks.ts';
import { proactiveFiguresOf, requestGridOf, reviewFiguresOf } from '../../src/reports/annual/annual-figures.ts';
import { draftNarrative, mergeNarrative } from '../../src/reports/annual/annual-narrative.ts';
import { formatWanExact, type AnnualFacts } from '../../src/reports/annual/annual.model.ts';

const noFacts: AnnualFacts = {
  columns: [],
  interpretations: 0,
  notices: [],
  projects: 0,
  deals: 0,
  awardFen: 0,
  messages: null,
  messagesTotal: null,
  pageViews: 0,
  lateReplies: 0,
  fees: { notices: 0, notifiedFen: 0, paid: 0, paidFen: 0, waived: 0 },
};

describe('annual report figures', () => {
  it('builds table 三 from the grouped counts, totals included', () => {
    const g = requestGridOf([
      { applicantType: 'natural_person', outcome: 'disclosed', received: 2, carriedIn: 1, closed: 3, carriedOut: 0 },
      { applicantType: 'natural_person', outcome: null, received: 1, carriedIn: 0, closed: 0, carriedOut: 1 },
      { applicantType: 'legal_service_org', outcome: 'other_fee_unpaid', received: 1, carriedIn: 0, closed: 1, carriedOut: 0 },
    ]);
    expect(g.received_this_year).toMatchObject({ natural_person: 3, legal_service_org: 1, total: 4 });
    expect(g.disclosed).toMatchObject({ natural_person: 3, total: 3 });
    expect(g.other_fee_unpaid).toMatchObject({ legal_service_org: 1, total: 1 });
    expect(g.results_total).toMatchObject({ natural_person: 3, legal_service_org: 1, total: 4 });
    expect(g.carried_to_next_year).toMatchObject({ natural_person: 1, total: 1 });
    expect(checkBalance(g).ok).toBe(true);
  });

  it('leaves a case closed without a known outcome out of the outcome rows, so the balance check shows it', () => {
    const g = requestGridOf([{ applicantType: 'natural_person', outcome: '', received: 1, carriedIn: 0, closed: 1, carriedOut: 0 }]);
    expect(g.results_total?.total).toBe(0);
    expect(checkBalance(g).message).toContain('相差 1');
  });

  it('counts table 四 per group with its 总计', () => {
    const r = reviewFiguresOf([
      { kind: 'reconsideration', result: 'upheld', count: 2 },
      { kind: 'reconsideration', result: 'pending', count: 1 },
      { kind: 'litigation_after_reconsideration', result: 'corrected', count: 1 },
    ]);
    expect(r.reconsideration).toEqual({ upheld: 2, corrected: 0, other: 0, pending: 1, total: 3 });
    expect(r.litigation_after_reconsideration.total).toBe(1);
    expect(r.litigation_direct.total).toBe(0);
  });

  it('takes table 二 from the policy counts and the figures staff recorded', () => {
    const p = proactiveFiguresOf({ normative: { issued: 2, repealed: 1, inForce: 7 }, recorded: { licensing: 0, penalty: 3, coercion: 0, feeFen: 40_000, regulationsIssued: 0, regulationsRepealed: 0, regulationsInForce: 0 } });
    expect(p).toMatchObject({ normativeDocuments: { issued: 2, repealed: 1, inForce: 7 }, penalty: 3, feeFen: 40_000, regulations: { inForce: 0 } });
    expect(proactiveFiguresOf({ normative: { issued: 0, repealed: 0, inForce: 0 }, recorded: null }).licensing).toBe(0);
  });

  it('prints 万元 exact to the yuan', () => {
    expect(formatWanExact(0)).toBe('0');
    expect(formatWanExact(40_000)).toBe('0.04');
    expect(formatWanExact(123_456_700)).toBe('123.4567');
    expect(formatWanExact(1_000_000)).toBe('1');
  });
});

describe('annual report drafts', () => {
  const base = { year: 2025, centerName: '固原市公共资源交易中心', siteName: '固原市公共资源交易网', figures: { format: '2021' as const, requests: requestGridOf([]), proactive: null, reviewLitigation: null } };

  it('states in section 六 the fee notices, the amounts notified and the amounts collected', () => {
    const d = draftNarrative({ ...base, facts: { ...noFacts, fees: { notices: 2, notifiedFen: 30_000, paid: 1, paidFen: 10_000, waived: 0 } } });
    expect(d.other).toBe('依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本中心2025年发出信息处理费收费通知2份，通知金额共计300.00元；实际收取信息处理费1件，共计100.00元。');
    expect(draftNarrative({ ...base, facts: noFacts }).other).toContain('未发出信息处理费收费通知，未收取信息处理费');
  });

  it('drafts 一、总体情况 from the columns, the notices and the applications', () => {
    const facts = { ...noFacts, columns: [{ name: '工作动态', kind: 'news', count: 12 }, { name: '政策解读', kind: 'interpretation', count: 2 }], interpretations: 2, notices: [{ type: 'tender_notice', label: '招标（采购、出让）公告', count: 30 }], projects: 28, deals: 25, awardFen: 1_889_500_000_000 };
    const d = draftNarrative({ ...base, facts });
    expect(d.overview).toContain('主动公开政府信息14条，其中：工作动态12条、政策解读2条。');
    expect(d.overview).toContain('发布交易公告公示30条，其中：招标（采购、出让）公告30条。');
    expect(d.overview).toContain('成交金额1,889,500.00万元');
    expect(d.overview).toContain('本年未收到政府信息公开申请。');
  });

  it('keeps the texts staff edited on regeneration unless asked to reset them', () => {
    const drafts = draftNarrative({ ...base, facts: noFacts });
    const current = { problems: { text: '我们改写的问题。', isEdited: true }, other: { text: '旧草稿', isEdited: false } };
    const kept = mergeNarrative(current, drafts, false);
    expect(kept.problems).toEqual({ text: '我们改写的问题。', isEdited: true });
    expect(kept.other).toEqual({ text: drafts.other, isEdited: false });
    expect(mergeNarrative(current, drafts, true).problems).toEqual({ text: drafts.problems, isEdited: false });
  });
});
