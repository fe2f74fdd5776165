import { CENTER_PROFILES, type CenterProfile } from './demo-centers.ts';
import type { ColumnSlug } from './demo-columns.ts';
import { annualReportText, GUIDE_COUNT, guideText, ORG_PAGE_COUNT, orgText } from './demo-fixed-pages.ts';
import { newsText } from './demo-news.ts';
import { noticeText } from './demo-notices.ts';
import { interpretationText, policyText, type PolicyText, type PolicyValidity } from './demo-policies.ts';
import { exposureText, financeText, personnelText } from './demo-public-info.ts';
import { createRng, type Rng } from './demo-random.ts';
import { addDays, beijingDay, type DraftText, type TextContext } from './demo-text.ts';
import type { StaffKey } from './demo-users.ts';

/** How an article ends up: published in the past, or left in the back office for the demo. */
export type PlannedState = 'published' | 'draft' | 'in_review' | 'in_review_second_step';

export type PlannedArticle = {
  key: string;
  centerCode: string;
  column: ColumnSlug;
  author: StaffKey;
  state: PlannedState;
  /** When it was published (null for drafts and items in review). */
  publishedAt: Date | null;
  text: DraftText;
  /** For interpretations: the key of the policy it explains. */
  policyKey?: string;
  correction?: { at: Date; paragraphs: string[]; note: string };
  withdrawal?: { at: Date; reason: string };
};

const FLOW_WEIGHTS: readonly [ColumnSlug, number][] = [
  ['news', 0.4],
  ['notice', 0.3],
  ['policy', 0.1],
  ['interpretation', 0.05],
  ['finance', 0.05],
  ['personnel', 0.05],
  ['exposure', 0.05],
];

/** Which centers get corrections, withdrawals and items in review (3–5 corrections, 1–2 withdrawals in all). */
const CORRECTIONS: Record<string, number> = { hn: 2, cs: 1, zz: 1, sy: 1 };
const WITHDRAWALS: Record<string, number> = { hn: 1, sd: 1 };
const IN_REVIEW: Record<string, PlannedState> = { hn: 'in_review_second_step', cs: 'in_review' };
const WITHDRAW_REASONS = ['该通知所涉事项已调整，原通知予以撤回，以新发布的通知为准。', '信息重复发布，予以撤回。'];
const HISTORY_DAYS = 730;

/**
 * The whole demo content as data: the same `now` and size always give the same list. Dates fall on
 * Beijing working days within the last two years; nothing is dated after `now`.
 */
export function planArticles(opts: { now: Date; articlesPerCenter?: number | undefined }): PlannedArticle[] {
  const base = Math.max(0, Math.floor(opts.articlesPerCenter ?? 50));
  return CENTER_PROFILES.flatMap((profile) => planCenter({ profile, now: opts.now, count: profile.level === 'province' ? Math.round(base * 1.6) : base }));
}

/** Splits `total` by weights with the largest-remainder method, so the parts always add up. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) {
    const slot = order[k % order.length];
    if (slot) parts[slot.i] = (parts[slot.i] ?? 0) + 1;
  }
  return parts;
}

/**
 * A Beijing working-day moment 8:30–18:00 about `daysAgo` days before `now`, always on an earlier calendar
 * day: a weekend day moves back to a random weekday of its week, so no weekday is favoured.
 */
export function workingMoment(now: Date, daysAgo: number, rng: Rng): Date {
  let day = addDays(now, -Math.max(1, daysAgo));
  const weekday = beijingDay(day).weekday;
  if (weekday === 6) day = addDays(day, -rng.int(1, 5));
  if (weekday === 0) day = addDays(day, -rng.int(2, 6));
  const { y, m, d } = beijingDay(day);
  const minutes = 8 * 60 + 30 + rng.int(0, 570);
  return new Date(Date.UTC(y, m - 1, d, 0, minutes) - 8 * 3600_000);
}

/** A Beijing working-day moment `days` (≥ 1) calendar days after `from`; weekends move to Monday, so it is always later. */
export function laterWorkingMoment(from: Date, days: number, rng: Rng): Date {
  let day = addDays(from, Math.max(1, days));
  while ([0, 6].includes(beijingDay(day).weekday)) day = addDays(day, 1);
  const { y, m, d } = beijingDay(day);
  return new Date(Date.UTC(y, m - 1, d, 0, 8 * 60 + 30 + rng.int(0, 570)) - 8 * 3600_000);
}

type Slot = { column: ColumnSlug; at: Date };

/** The per-center state the planning steps share: dice for dates, the titles used so far, the output. */
type Planner = {
  profile: CenterProfile;
  now: Date;
  dates: Rng;
  out: PlannedArticle[];
  isProvince: boolean;
  ageOf: (at: Date) => number;
  /** Generates a text with its own dice (seeded by key), re-rolling a title already used at this center. */
  write: (key: string, at: Date, make: (ctx: TextContext) => DraftText) => DraftText;
  add: (a: Omit<PlannedArticle, 'centerCode' | 'state'> & { state?: PlannedState }) => void;
};

function planCenter(opts: { profile: CenterProfile; now: Date; count: number }): PlannedArticle[] {
  const { profile, now } = opts;
  const seen = new Set<string>();
  const out: PlannedArticle[] = [];
  const p: Planner = {
    profile,
    now,
    dates: createRng(`dates:${profile.code}`),
    out,
    isProvince: profile.level === 'province',
    ageOf: (at) => (now.getTime() - at.getTime()) / 86400_000,
    write: (key, at, make) => {
      const rng = createRng(`text:${key}`);
      let text = make({ rng, profile, at });
      for (let tries = 0; tries < 8 && seen.has(text.title); tries++) text = make({ rng, profile, at });
      seen.add(text.title);
      return text;
    },
    add: (a) => out.push({ centerCode: profile.code, state: 'published', ...a }),
  };
  const counts = allocate(opts.count, FLOW_WEIGHTS.map(([, w]) => w));
  const slots: Slot[] = FLOW_WEIGHTS.flatMap(([column], i) => Array.from({ length: counts[i] ?? 0 }, () => ({ column, at: workingMoment(now, p.dates.int(1, HISTORY_DAYS), p.dates) })));
  const policies = planFlow(p, slots);
  planInterpretations(p, { slots: slots.filter((s) => s.column === 'interpretation'), policies });
  planFixedPages(p);
  planWorkInProgress(p);
  return out;
}

function planFlow(p: Planner, slots: Slot[]): { key: string; at: Date; text: PolicyText }[] {
  const code = p.profile.code;
  const corrections = CORRECTIONS[code] ?? 0;
  const notices = slots.filter((s) => s.column === 'notice' && p.ageOf(s.at) > 40);
  const correctable = new Set(notices.slice(0, corrections));
  const withdrawn = new Set(notices.slice(corrections, corrections + (WITHDRAWALS[code] ?? 0)));
  // The oldest policy of a center has since been repealed, the next oldest amended; the rest are in force.
  const oldPolicies = slots.filter((s) => s.column === 'policy' && p.ageOf(s.at) > 240).sort((a, b) => a.at.getTime() - b.at.getTime());
  const validityOf = new Map<Slot, PolicyValidity>(oldPolicies.slice(0, 2).map((s, i) => [s, i === 0 ? 'repealed' : 'amended']));
  const infoEditors: StaffKey[] = p.isProvince ? ['editor', 'editor2'] : ['editor'];
  const policies: { key: string; at: Date; text: PolicyText }[] = [];

  slots.forEach((slot, i) => {
    const key = `${code}:${slot.column}:${i}`;
    const { column, at } = slot;
    if (column === 'interpretation') return;
    if (column === 'policy') {
      const text = policyText({ rng: createRng(`text:${key}`), profile: p.profile, at }, { now: p.now, ruleIndex: policies.length, validity: validityOf.get(slot) ?? 'in_force' });
      policies.push({ key, at, text });
      p.add({ key, column, author: policyEditor(p), publishedAt: at, text });
      return;
    }
    if (column === 'notice') {
      const isCorrectable = correctable.has(slot);
      const text = p.write(key, at, (ctx) => noticeText(ctx, { isCorrectable }));
      const r = createRng(`events:${key}`);
      const correction = isCorrectable && text.correction ? { at: laterWorkingMoment(at, r.int(1, 3), r), ...text.correction } : undefined;
      const withdrawal = withdrawn.has(slot) ? { at: laterWorkingMoment(at, r.int(3, 20), r), reason: r.pick(WITHDRAW_REASONS) } : undefined;
      p.add({ key, column, author: p.dates.chance(0.6) ? 'editorTrade' : 'editor', publishedAt: at, text, ...(correction ? { correction } : {}), ...(withdrawal ? { withdrawal } : {}) });
      return;
    }
    const make = column === 'news' ? newsText : column === 'finance' ? financeText : column === 'personnel' ? personnelText : exposureText;
    const author: StaffKey = column === 'exposure' ? 'editorTrade' : column === 'news' && p.dates.chance(0.25) ? 'editorTrade' : p.dates.pick(infoEditors);
    p.add({ key, column, author, publishedAt: at, text: p.write(key, at, make) });
  });
  return policies;
}

/** Each interpretation explains a distinct policy at least ten days old and follows it by a few days. */
function planInterpretations(p: Planner, opts: { slots: Slot[]; policies: { key: string; at: Date; text: PolicyText }[] }): void {
  const explainable = opts.policies.filter((policy) => p.ageOf(policy.at) > 10);
  for (let i = 0; i < Math.min(opts.slots.length, explainable.length); i++) {
    const policy = explainable[i];
    if (!policy) continue;
    const key = `${p.profile.code}:interpretation:${i}`;
    const r = createRng(`events:${key}`);
    const at = laterWorkingMoment(policy.at, r.int(1, 3), r);
    p.add({ key, column: 'interpretation', author: policyEditor(p), publishedAt: at, policyKey: policy.key, text: p.write(key, at, (ctx) => interpretationText(ctx, policy.text)) });
  }
}

/** 机构概况 from the start of the history, a few 办事指南, and the two latest annual reports. */
function planFixedPages(p: Planner): void {
  const code = p.profile.code;
  for (let i = 0; i < ORG_PAGE_COUNT; i++) {
    const at = workingMoment(p.now, HISTORY_DAYS + 5 - i, p.dates);
    p.add({ key: `${code}:org:${i}`, column: 'org', author: 'editor', publishedAt: at, text: p.write(`${code}:org:${i}`, at, (ctx) => orgText(ctx, i)) });
  }
  for (let i = 0; i < (p.isProvince ? GUIDE_COUNT : 4); i++) {
    const at = workingMoment(p.now, p.dates.int(200, HISTORY_DAYS), p.dates);
    p.add({ key: `${code}:guide:${i}`, column: 'guide', author: 'editorTrade', publishedAt: at, text: p.write(`${code}:guide:${i}`, at, (ctx) => guideText(ctx, i)) });
  }
  for (const year of reportYears(p.now)) {
    const at = laterWorkingMoment(new Date(Date.UTC(year + 1, 0, 10, 4)), p.dates.int(0, 10), p.dates);
    const key = `${code}:annual-report:${year}`;
    p.add({ key, column: 'annual-report', author: 'editor', publishedAt: at, text: p.write(key, at, (ctx) => annualReportText(ctx, year)) });
  }
}

/** One draft per center, and the items waiting in review at the centers listed in IN_REVIEW. */
function planWorkInProgress(p: Planner): void {
  const code = p.profile.code;
  p.add({ key: `${code}:news:draft`, column: 'news', author: 'editor', state: 'draft', publishedAt: null, text: p.write(`${code}:news:draft`, p.now, newsText) });
  const review = IN_REVIEW[code];
  if (review) {
    p.add({ key: `${code}:notice:review`, column: 'notice', author: 'editor', state: review, publishedAt: null, text: p.write(`${code}:notice:review`, p.now, (ctx) => noticeText(ctx, { isCorrectable: false })) });
  }
}

function policyEditor(p: Planner): StaffKey {
  return p.isProvince ? 'editorPolicy' : 'editor';
}

/** The two latest years whose annual report (due by 31 January) is already out. */
export function reportYears(now: Date): number[] {
  const { y, m, d } = beijingDay(now);
  const latest = m > 1 || d > 25 ? y - 1 : y - 2;
  return [latest - 1, latest];
}
