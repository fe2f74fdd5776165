import { CENTER_PROFILES, type CenterProfile } from './demo-centers.ts';
import type { ColumnSlug } from './demo-columns.ts';
import { annualReportText, GUIDE_COUNT, guideText, ORG_PAGE_COUNT, orgText } from './demo-fixed-pages.ts';
import { newsText } from './demo-news.ts';
import { noticeText } from './demo-notices.ts';
import { interpretationText, POLICY_RULE_COUNT, policyText, type PolicyText } from './demo-policies.ts';
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
  for (let k = 0; k < total - parts.reduce((a, b) => a + b, 0); k++) {
    const slot = order[k % order.length];
    if (slot) parts[slot.i] = (parts[slot.i] ?? 0) + 1;
  }
  return parts;
}

/** A Beijing working-day moment 8:30–18:00 on the day `daysAgo` before `now` (weekends move to Friday). */
export function workingMoment(now: Date, daysAgo: number, rng: Rng): Date {
  let day = addDays(now, -daysAgo);
  while ([0, 6].includes(beijingDay(day).weekday)) day = addDays(day, -1);
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

function planCenter(opts: { profile: CenterProfile; now: Date; count: number }): PlannedArticle[] {
  const { profile, now } = opts;
  const code = profile.code;
  const isProvince = profile.level === 'province';
  const dates = createRng(`dates:${code}`);
  const ageOf = (at: Date) => (now.getTime() - at.getTime()) / 86400_000;
  const counts = allocate(opts.count, FLOW_WEIGHTS.map(([, w]) => w));
  const slots: { column: ColumnSlug; at: Date }[] = [];
  FLOW_WEIGHTS.forEach(([column], i) => {
    for (let k = 0; k < (counts[i] ?? 0); k++) slots.push({ column, at: workingMoment(now, dates.int(1, HISTORY_DAYS), dates) });
  });
  const out: PlannedArticle[] = [];
  const seen = new Set<string>();
  const write = (key: string, column: ColumnSlug, at: Date, make: (ctx: TextContext) => DraftText): DraftText => {
    const rng = createRng(`text:${key}`);
    let text = make({ rng, profile, at });
    for (let tries = 0; tries < 8 && seen.has(text.title); tries++) text = make({ rng, profile, at });
    seen.add(text.title);
    return text;
  };
  const add = (a: Omit<PlannedArticle, 'centerCode' | 'state'> & { state?: PlannedState }) => out.push({ centerCode: code, state: 'published', ...a });

  const notices = slots.filter((s) => s.column === 'notice' && ageOf(s.at) > 40);
  const correctable = new Set(notices.slice(0, CORRECTIONS[code] ?? 0));
  const withdrawn = new Set(notices.slice(CORRECTIONS[code] ?? 0, (CORRECTIONS[code] ?? 0) + (WITHDRAWALS[code] ?? 0)));
  const policies: { key: string; at: Date; text: PolicyText }[] = [];
  const interpretations = slots.filter((s) => s.column === 'interpretation');
  const infoEditors: StaffKey[] = isProvince ? ['editor', 'editor2'] : ['editor'];
  const policyEditor: StaffKey = isProvince ? 'editorPolicy' : 'editor';

  slots.forEach((slot, i) => {
    const key = `${code}:${slot.column}:${i}`;
    const column = slot.column;
    if (column === 'interpretation') return;
    if (column === 'policy') {
      const rng = createRng(`text:${key}`);
      const text = policyText({ rng, profile, at: slot.at }, { now, ruleIndex: policies.length });
      policies.push({ key, at: slot.at, text });
      add({ key, column, author: policyEditor, publishedAt: slot.at, text });
      return;
    }
    if (column === 'notice') {
      const isCorrectable = correctable.has(slot);
      const text = write(key, column, slot.at, (ctx) => noticeText(ctx, { isCorrectable }));
      const r = createRng(`events:${key}`);
      const correction = isCorrectable && text.correction ? { at: laterWorkingMoment(slot.at, r.int(1, 3), r), ...text.correction } : undefined;
      const withdrawal = withdrawn.has(slot) ? { at: laterWorkingMoment(slot.at, r.int(3, 20), r), reason: r.pick(WITHDRAW_REASONS) } : undefined;
      add({ key, column, author: dates.chance(0.6) ? 'editorTrade' : 'editor', publishedAt: slot.at, text, ...(correction ? { correction } : {}), ...(withdrawal ? { withdrawal } : {}) });
      return;
    }
    const make = column === 'news' ? newsText : column === 'finance' ? financeText : column === 'personnel' ? personnelText : exposureText;
    const author: StaffKey = column === 'exposure' ? 'editorTrade' : column === 'news' ? (dates.chance(0.25) ? 'editorTrade' : dates.pick(infoEditors)) : dates.pick(infoEditors);
    add({ key, column, author, publishedAt: slot.at, text: write(key, column, slot.at, make) });
  });

  // Each interpretation explains a distinct, older policy and follows it by a few days.
  const explainable = policies.filter((p) => ageOf(p.at) > 10);
  interpretations.slice(0, explainable.length).forEach((slot, i) => {
    const policy = explainable[i];
    if (!policy) return;
    const key = `${code}:interpretation:${i}`;
    const r = createRng(`events:${key}`);
    const at = laterWorkingMoment(policy.at, r.int(1, 3), r);
    add({ key, column: 'interpretation', author: policyEditor, publishedAt: at, policyKey: policy.key, text: write(key, 'interpretation', at, (ctx) => interpretationText(ctx, policy.text)) });
  });

  for (let i = 0; i < ORG_PAGE_COUNT; i++) {
    const at = workingMoment(now, HISTORY_DAYS + 5 - i, dates);
    add({ key: `${code}:org:${i}`, column: 'org', author: 'editor', publishedAt: at, text: write(`${code}:org:${i}`, 'org', at, (ctx) => orgText(ctx, i)) });
  }
  for (let i = 0; i < (isProvince ? GUIDE_COUNT : 4); i++) {
    const at = workingMoment(now, dates.int(200, HISTORY_DAYS), dates);
    add({ key: `${code}:guide:${i}`, column: 'guide', author: 'editorTrade', publishedAt: at, text: write(`${code}:guide:${i}`, 'guide', at, (ctx) => guideText(ctx, i)) });
  }
  for (const year of reportYears(now)) {
    const at = laterWorkingMoment(new Date(Date.UTC(year + 1, 0, 10, 4)), dates.int(0, 10), dates);
    add({ key: `${code}:annual-report:${year}`, column: 'annual-report', author: 'editor', publishedAt: at, text: write(`${code}:annual-report:${year}`, 'annual-report', at, (ctx) => annualReportText(ctx, year)) });
  }

  add({ key: `${code}:news:draft`, column: 'news', author: 'editor', state: 'draft', publishedAt: null, text: write(`${code}:news:draft`, 'news', now, newsText) });
  const review = IN_REVIEW[code];
  if (review) add({ key: `${code}:notice:review`, column: 'notice', author: 'editor', state: review, publishedAt: null, text: write(`${code}:notice:review`, 'notice', now, (ctx) => noticeText(ctx, { isCorrectable: false })) });
  return out;
}

/** The two latest years whose annual report (due by 31 January) is already out. */
export function reportYears(now: Date): number[] {
  const { y, m, d } = beijingDay(now);
  const latest = m > 1 || d > 25 ? y - 1 : y - 2;
  return [latest - 1, latest];
}
