import { beforeAll, describe, expect, it } from 'vitest';
import { planDemoTrading, type DemoTradingPlan, type DemoSubmission } from '../../src/demo/demo-trading-plan.ts';
import { isValidCreditCode } from '../../src/platform/credit-code.ts';
import type { ProjectInput } from '../../src/trading/trading.model.ts';

const END = '2026-11-22';
const SEED = 20261122;

/** Days between two 'YYYY-MM-DD' (or ISO instants with +08:00, whose date part is the Beijing date). */
function days(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86400_000);
}

function instant(iso: string): number {
  return Date.parse(iso);
}

let plan: DemoTradingPlan;
let projects: Map<string, ProjectInput>;
let byProject: Map<string, DemoSubmission[]>;

beforeAll(() => {
  plan = planDemoTrading({ seed: SEED, endDate: END });
  projects = new Map();
  byProject = new Map();
  for (const s of plan.submissions) {
    if (s.submission.project) projects.set(s.projectKey, s.submission.project);
    const list = byProject.get(s.projectKey) ?? [];
    list.push(s);
    byProject.set(s.projectKey, list);
  }
});

function project(key: string): ProjectInput {
  const p = projects.get(key);
  if (!p) throw new Error(`no project ${key}`);
  return p;
}

function ofType(type: DemoSubmission['submission']['type']): DemoSubmission[] {
  return plan.submissions.filter((s) => s.submission.type === type);
}

/** The bid deadline in force after the project's notices published before `seq`. */
function deadlineBefore(key: string, seq: number): string {
  let deadline = '';
  for (const s of byProject.get(key) ?? []) {
    if (s.seq >= seq) break;
    deadline = s.submission.facts.newBidDeadline ?? s.submission.facts.bidDeadline ?? deadline;
  }
  return deadline;
}

describe('planDemoTrading: shape', () => {
  it('gives the same plan for the same seed and a different one for another seed', () => {
    const again = planDemoTrading({ seed: SEED, endDate: END });
    expect(again).toEqual(plan);
    const other = planDemoTrading({ seed: SEED + 1, endDate: END, scale: 0.2 });
    expect(other.submissions.map((s) => s.submission.title)).not.toEqual(planDemoTrading({ seed: SEED, endDate: END, scale: 0.2 }).submissions.map((s) => s.submission.title));
  });

  it('plans about 900 projects and 3,000–4,000 notices, the province and 长沙 largest and 邵东 smallest', () => {
    expect(projects.size).toBeGreaterThanOrEqual(850);
    expect(projects.size).toBeLessThanOrEqual(950);
    expect(plan.submissions.length).toBeGreaterThanOrEqual(3000);
    expect(plan.submissions.length).toBeLessThanOrEqual(4000);
    const perCenter = new Map<string, number>();
    for (const key of projects.keys()) perCenter.set(key.slice(0, 2), (perCenter.get(key.slice(0, 2)) ?? 0) + 1);
    const [hn = 0, cs = 0, zz = 0, sy = 0, sd = 0] = ['hn', 'cs', 'zz', 'sy', 'sd'].map((c) => perCenter.get(c) ?? 0);
    expect(Math.min(hn, cs)).toBeGreaterThan(Math.max(zz, sy));
    expect(sd).toBeLessThan(Math.min(zz, sy));
    expect(plan.agents.length).toBeGreaterThanOrEqual(20);
    expect(plan.agents.length).toBeLessThanOrEqual(30);
  });

  it('scales the number of projects', () => {
    const small = planDemoTrading({ seed: SEED, endDate: END, scale: 0.1 });
    const opening = small.submissions.filter((s) => s.submission.type === 'tender_notice').length;
    expect(opening).toBeGreaterThanOrEqual(85);
    expect(opening).toBeLessThanOrEqual(95);
  });

  it('lists submissions in time order, numbered 1..n, all within the 365 days before endDate', () => {
    const start = Date.parse('2025-11-22T00:00:00+08:00');
    const end = Date.parse('2026-11-22T00:00:00+08:00');
    plan.submissions.forEach((s, i) => {
      expect(s.seq).toBe(i + 1);
      expect(s.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(instant(s.at)).toBeGreaterThanOrEqual(start);
      expect(instant(s.at)).toBeLessThan(end);
      const prev = plan.submissions[i - 1];
      if (prev) expect(instant(s.at)).toBeGreaterThanOrEqual(instant(prev.at));
    });
  });

  it('opens every project with a tender notice that carries the project; later notices refer to it', () => {
    const opened = new Map<string, number>();
    for (const s of plan.submissions) {
      if (s.submission.type === 'tender_notice') {
        expect(s.submission.project).toBeDefined();
        expect(opened.has(s.projectKey)).toBe(false);
        opened.set(s.projectKey, s.seq);
      } else {
        expect(s.submission.project).toBeUndefined();
        expect(opened.get(s.projectKey)).toBeLessThan(s.seq);
      }
      expect(s.submission.projectId).toBeUndefined();
    }
  });

  it('points each amendment at an earlier notice of the same project, and nothing else has amendsSeq', () => {
    const bySeq = new Map(plan.submissions.map((s) => [s.seq, s]));
    for (const s of plan.submissions) {
      if (s.submission.type !== 'amendment_notice') {
        expect(s.amendsSeq).toBeUndefined();
        continue;
      }
      expect(s.amendsSeq).toBeDefined();
      const target = bySeq.get(s.amendsSeq ?? -1);
      expect(target?.projectKey).toBe(s.projectKey);
      expect(target?.seq).toBeLessThan(s.seq);
    }
  });

  it('gives each submission a unique idempotency key, a title, contact and a body of simple HTML', () => {
    const keys = new Set(plan.submissions.map((s) => s.submission.idempotencyKey));
    expect(keys.size).toBe(plan.submissions.length);
    for (const s of plan.submissions) {
      expect(s.submission.title.length).toBeGreaterThan(8);
      expect(s.submission.facts.contact?.name).toBeTruthy();
      expect(s.submission.facts.contact?.phone).toMatch(/^0\d{3}-\d{7,8}$/);
      const tags = new Set([...s.submission.bodyHtml.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
      for (const tag of tags) expect(['p', 'h3', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td']).toContain(tag);
      const text = s.submission.bodyHtml.replace(/<[^>]+>/g, '');
      expect(text.length).toBeGreaterThan(450);
      expect(text.length).toBeLessThan(1600);
    }
  });

  it('uses only agents of the submitting center', () => {
    const agents = new Map(plan.agents.map((a) => [a.key, a]));
    for (const s of plan.submissions) expect(agents.get(s.agentKey)?.centerCode).toBe(s.centerCode);
  });
});

describe('planDemoTrading: parties', () => {
  it('gives every party a valid 统一社会信用代码', () => {
    const codes: string[] = [...plan.agents.map((a) => a.creditCode), ...plan.registrations.map((r) => r.creditCode)];
    for (const p of projects.values()) codes.push(p.tendererCreditCode ?? '');
    for (const s of plan.submissions) {
      for (const c of s.submission.facts.candidates ?? []) codes.push(c.creditCode ?? '');
      for (const w of s.submission.facts.winners ?? []) codes.push(w.creditCode ?? '');
    }
    const invalid = codes.filter((c) => !isValidCreditCode(c));
    expect(invalid).toEqual([]);
  });

  it('uses about 150 bidder firms for works and procurement', () => {
    const tenders = new Set([...projects].filter(([, p]) => p.category === 'works' || p.category === 'procurement').map(([k]) => k));
    const firms = new Set(plan.registrations.filter((r) => tenders.has(r.projectKey)).map((r) => r.bidderName));
    expect(firms.size).toBeGreaterThanOrEqual(120);
    expect(firms.size).toBeLessThanOrEqual(160);
  });

  it('registers 3–12 downloads per awarded tender, candidates and winners among the deposit payers, all before the deadline', () => {
    for (const s of ofType('candidates_notice')) {
      const regs = plan.registrations.filter((r) => r.projectKey === s.projectKey);
      const downloads = regs.filter((r) => r.kind === 'download');
      expect(downloads.length).toBeGreaterThanOrEqual(3);
      expect(downloads.length).toBeLessThanOrEqual(12);
      const payers = new Set(regs.filter((r) => r.kind === 'deposit').map((r) => r.creditCode));
      for (const c of s.submission.facts.candidates ?? []) expect(payers.has(c.creditCode ?? '')).toBe(true);
      const deadline = deadlineBefore(s.projectKey, s.seq);
      for (const r of regs) expect(instant(r.at)).toBeLessThan(instant(deadline));
    }
    for (const s of ofType('award_notice')) {
      const names = new Set(plan.registrations.filter((r) => r.projectKey === s.projectKey).map((r) => r.creditCode));
      for (const w of s.submission.facts.winners ?? []) expect(names.has(w.creditCode ?? '')).toBe(true);
    }
  });

  it('registers only after the tender notice, and deposits of exactly the notice amount', () => {
    const opened = new Map(ofType('tender_notice').map((s) => [s.projectKey, s]));
    for (const r of plan.registrations) {
      const tender = opened.get(r.projectKey);
      expect(tender).toBeDefined();
      expect(instant(r.at)).toBeGreaterThan(instant(tender?.at ?? ''));
      if (r.kind === 'deposit') expect(r.amountFen).toBe(tender?.submission.facts.depositFen);
    }
  });
});

describe('planDemoTrading: statutory periods and amounts', () => {
  it('keeps the deposit of works and procurement within 2 % of the smallest lot budget', () => {
    for (const s of ofType('tender_notice')) {
      const p = project(s.projectKey);
      const deposit = s.submission.facts.depositFen;
      if (p.category !== 'works' && p.category !== 'procurement') continue;
      if (deposit === null || deposit === undefined) continue;
      const smallest = Math.min(...p.lots.map((l) => l.budgetFen ?? Infinity), p.budgetFen ?? Infinity);
      expect(deposit).toBeLessThanOrEqual(smallest * 0.02);
    }
  });

  it('allows ≥ 5 days of document sale and ≥ 20 days to the deadline for mandatory works and open-tender procurement', () => {
    let checked = 0;
    for (const s of ofType('tender_notice')) {
      const p = project(s.projectKey);
      const f = s.submission.facts;
      if (!f.docSaleStart || !f.docSaleEnd || !f.bidDeadline || !f.openingAt) throw new Error(`${s.projectKey}: tender dates missing`);
      expect(days(s.at, f.docSaleStart)).toBeGreaterThanOrEqual(0);
      expect(days(f.docSaleStart, f.docSaleEnd)).toBeGreaterThanOrEqual(5);
      expect(instant(f.openingAt)).toBeGreaterThanOrEqual(instant(f.bidDeadline));
      if ((p.category === 'works' && p.isMandatoryTendering) || (p.category === 'procurement' && p.method === 'open_tender')) {
        expect(days(f.docSaleStart, f.bidDeadline)).toBeGreaterThanOrEqual(20);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('leaves ≥ 15 days after an amendment that affects the preparation of tenders', () => {
    for (const s of ofType('amendment_notice')) {
      const p = project(s.projectKey);
      const f = s.submission.facts;
      const deadline = f.newBidDeadline ?? deadlineBefore(s.projectKey, s.seq);
      expect(instant(deadline)).toBeGreaterThan(instant(s.at));
      if (f.affectsPreparation && (p.category === 'works' || p.method === 'open_tender')) expect(days(s.at, deadline)).toBeGreaterThanOrEqual(15);
      if (f.newBidDeadline) expect(instant(f.newBidDeadline)).toBeGreaterThan(instant(deadlineBefore(s.projectKey, s.seq)));
    }
  });

  it('amends about 40 % of tender procedures', () => {
    const amended = new Set(ofType('amendment_notice').map((s) => s.projectKey));
    const tenders = [...projects].filter(([, p]) => p.category === 'works' || p.category === 'procurement');
    const share = tenders.filter(([k]) => amended.has(k)).length / tenders.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
  });

  it('publishes works candidates: three per lot, within 3 days of a report dated 1–2 days after the opening, for ≥ 3 days', () => {
    for (const s of ofType('candidates_notice')) {
      const p = project(s.projectKey);
      const f = s.submission.facts;
      expect(p.category).toBe('works');
      const opening = deadlineBefore(s.projectKey, s.seq);
      if (!f.evaluationReportOn || !f.publicityStart || !f.publicityEnd) throw new Error('candidate dates missing');
      expect(days(opening, f.evaluationReportOn)).toBeGreaterThanOrEqual(1);
      expect(days(opening, f.evaluationReportOn)).toBeLessThanOrEqual(2);
      expect(days(f.evaluationReportOn, s.at)).toBeGreaterThanOrEqual(0);
      expect(days(f.evaluationReportOn, s.at)).toBeLessThanOrEqual(3);
      expect(f.publicityStart).toBe(s.at.slice(0, 10));
      expect(days(f.publicityStart, f.publicityEnd)).toBeGreaterThanOrEqual(3);
      for (const lot of p.lots) {
        const ranks = (f.candidates ?? []).filter((c) => c.lotNo === lot.lotNo).map((c) => c.rank);
        expect(ranks).toEqual([1, 2, 3]);
      }
    }
  });

  it('awards works to a candidate after the publicity, usually the first', () => {
    let second = 0;
    let total = 0;
    for (const s of ofType('award_notice')) {
      if (project(s.projectKey).category !== 'works') continue;
      const cand = (byProject.get(s.projectKey) ?? []).find((x) => x.submission.type === 'candidates_notice');
      if (!cand) throw new Error(`${s.projectKey}: award without candidates`);
      expect(s.submission.facts.awardNoticeOn && s.submission.facts.awardNoticeOn > (cand.submission.facts.publicityEnd ?? '')).toBe(true);
      for (const w of s.submission.facts.winners ?? []) {
        const c = (cand.submission.facts.candidates ?? []).find((x) => x.lotNo === w.lotNo && x.name === w.name);
        expect(c?.rank === 1 || c?.rank === 2).toBe(true);
        if (c?.rank === 2) second++;
        total++;
      }
    }
    expect(second / total).toBeLessThan(0.15);
  });

  it('awards works and procurement at 2–15 % under the lot budget, and sells land at 0–60 % over the starting price', () => {
    for (const s of ofType('award_notice')) {
      const p = project(s.projectKey);
      const f = s.submission.facts;
      expect(f.awardNoticeOn).toBeDefined();
      for (const w of f.winners ?? []) {
        const lot = p.lots.find((l) => l.lotNo === w.lotNo);
        const budget = lot?.budgetFen ?? 0;
        if (p.category === 'land_mining' || p.category === 'state_assets') {
          expect(f.startingPriceFen).toBe(p.budgetFen);
          expect(w.priceFen).toBeGreaterThanOrEqual(budget);
          expect(w.priceFen).toBeLessThanOrEqual(budget * 1.6);
        } else {
          const saving = (budget - w.priceFen) / budget;
          expect(saving).toBeGreaterThanOrEqual(0.02 - 1e-9);
          expect(saving).toBeLessThanOrEqual(0.15 + 1e-9);
        }
      }
    }
  });

  it('publishes contracts for about 70 % of awards, signed and published within 30 days of the award', () => {
    const awards = new Map(ofType('award_notice').map((s) => [s.projectKey, s]));
    const contracted = new Set<string>();
    for (const s of ofType('contract_notice')) {
      const award = awards.get(s.projectKey);
      const f = s.submission.facts;
      if (!award || !f.signedOn) throw new Error(`${s.projectKey}: contract without award`);
      expect(days(award.at, s.at)).toBeLessThanOrEqual(30);
      expect(days(f.signedOn, s.at)).toBeGreaterThanOrEqual(0);
      expect(days(award.submission.facts.awardNoticeOn ?? '', f.signedOn)).toBeGreaterThanOrEqual(0);
      expect(f.contractAmountFen).toBe((award.submission.facts.winners ?? []).find((w) => w.lotNo === f.lotNos[0])?.priceFen);
      contracted.add(s.projectKey);
    }
    const settled = [...awards.values()].filter((a) => days(a.at, END) > 30).length;
    const share = [...contracted].filter((k) => days(awards.get(k)?.at ?? '', END) > 30).length / settled;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.8);
  });

  it('terminates or fails about 6 % of procedures, failed ones at the opening with fewer than three bidders', () => {
    const ends = ofType('termination_notice');
    expect(ends.length / projects.size).toBeGreaterThan(0.03);
    expect(ends.length / projects.size).toBeLessThan(0.09);
    for (const s of ends) {
      const f = s.submission.facts;
      const deadline = deadlineBefore(s.projectKey, s.seq);
      if (f.terminationKind === 'terminated') expect(instant(s.at)).toBeLessThan(instant(deadline));
      else {
        expect(f.terminationKind).toBe('failed');
        expect(instant(s.at)).toBeGreaterThan(instant(deadline));
        const p = project(s.projectKey);
        if (p.category === 'works' || p.category === 'procurement') {
          const payers = new Set(plan.registrations.filter((r) => r.projectKey === s.projectKey && r.kind === 'deposit').map((r) => r.creditCode));
          expect(payers.size).toBeLessThan(3);
        }
      }
    }
  });
});

describe('planDemoTrading: the year as a whole', () => {
  it('matches the Shaoyang category mix among awarded projects', () => {
    const awarded = ofType('award_notice').map((s) => project(s.projectKey).category);
    const share = (c: string) => awarded.filter((x) => x === c).length / awarded.length;
    expect(share('works')).toBeCloseTo(0.67, 1);
    expect(Math.abs(share('works') - 0.67)).toBeLessThan(0.03);
    expect(Math.abs(share('procurement') - 0.24)).toBeLessThan(0.03);
    expect(Math.abs(share('land_mining') - 0.065)).toBeLessThan(0.015);
    expect(Math.abs(share('state_assets') - 0.017)).toBeLessThan(0.01);
    expect(share('medicine') + share('other')).toBeLessThan(0.02);
  });

  it('leaves at least 30 tenders open with deadlines in the 30 days after endDate', () => {
    const closed = new Set(plan.submissions.filter((s) => ['candidates_notice', 'award_notice', 'termination_notice'].includes(s.submission.type)).map((s) => s.projectKey));
    const end = Date.parse(`${END}T00:00:00+08:00`);
    const future = [...projects.keys()].filter((k) => {
      if (closed.has(k)) return false;
      const deadline = instant(deadlineBefore(k, Infinity));
      return deadline >= end && deadline < end + 30 * 86400_000;
    });
    expect(future.length).toBeGreaterThanOrEqual(30);
    expect(future.length).toBeLessThanOrEqual(80);
  });

  it('names projects realistically and uniquely per center', () => {
    const names = [...projects].map(([k, p]) => `${k.slice(0, 2)}:${p.name}`);
    expect(new Set(names).size).toBeGreaterThan(names.length * 0.97);
    for (const p of projects.values()) {
      expect(p.projectNo).toMatch(/^[A-Z]{2,4}-(?:[A-Z]{2}-)?\d{4}-\d{3,4}$/);
      expect(p.region).toMatch(/^\S+(省|市|县|区|州)$/);
      expect(p.lots.reduce((s, l) => s + (l.budgetFen ?? 0), 0)).toBe(p.budgetFen);
    }
  });
});
