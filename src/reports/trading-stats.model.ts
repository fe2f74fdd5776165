/**
 * 交易统计: the figures of a center's trading in a period, and the arithmetic that turns the database's
 * sums into them. Pure: the repo returns raw sums, everything derived (节资, 溢价, rates, rounding) is here.
 * Money is integer fen; a rate is a fraction rounded to 0.01 % (four decimals), so the page, the chart and
 * the Excel file show the same number.
 */
import { CATEGORIES, CATEGORY_LABELS, isSale, NOTICE_TYPES, type Category, type NoticeType } from '../trading/trading.model.ts';

/** The sums the database returns for one group of projects (a category, a center, or both). */
export type RawDealSums = {
  /** Projects whose first opening notice was published in the period. */
  projects: number;
  /** Awarded or contracted projects whose award notice is dated in the period. */
  deals: number;
  awardFen: number;
  budgetFen: number;
  /** Budget (or starting price) and award of the deals that have both: the base of 节资 / 溢价. */
  comparableBaseFen: number;
  comparableAwardFen: number;
  /** Terminated or failed (流标) projects whose ending falls in the period. */
  failed: number;
};

export type DealFigures = {
  projects: number;
  deals: number;
  awardFen: number;
  budgetFen: number;
  /** 节资额 = budget − award, non-sale categories only; null when there is nothing to compare. */
  savingFen: number | null;
  savingRate: number | null;
  /** 溢价额 = award − starting price, land and property sales only; null when there is nothing to compare. */
  premiumFen: number | null;
  premiumRate: number | null;
  /** 出让收入: the award total of land and mining rights (土地矿业权). */
  revenueFen: number;
  failed: number;
};

export type NoticeCounts = Record<NoticeType, number>;

export type CategoryStats = DealFigures & { category: Category; label: string; notices: NoticeCounts };

export type MonthFigures = { month: string; deals: number; awardFen: number };

export type TradingStats = {
  from: string;
  to: string;
  /** Every category, in vocabulary order (zeros included: the shape never changes). */
  categories: CategoryStats[];
  total: DealFigures & { notices: NoticeCounts };
  /** Every month of the period, zero-filled, by the award notice's month. */
  months: MonthFigures[];
  /** The figures of each center's own projects (not its descendants'); centers without any are absent. */
  byCenter: Map<number, DealFigures>;
};

/** One row of the repo's grouped project query. */
export type DealRow = RawDealSums & { centerId: number | null; category: string | null; month: string | null; isMonthly: boolean };
export type NoticeRow = { category: string; type: string; count: number };

export const ZERO_SUMS: RawDealSums = { projects: 0, deals: 0, awardFen: 0, budgetFen: 0, comparableBaseFen: 0, comparableAwardFen: 0, failed: 0 };

/**
 * num / den × scale, rounded half away from zero, computed exactly (sums of fen can pass 2^53 once
 * multiplied). Null when den is 0.
 */
export function divRound(num: number, den: number, scale: number): number | null {
  if (den === 0) return null;
  const n = BigInt(Math.round(num)) * BigInt(scale);
  const d = BigInt(Math.round(den));
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return Number(negative ? -q : q);
}

/** part / base as a fraction rounded to 0.01 % (e.g. 0.0338 for 3.38 %); null when base is 0. */
export function rateOf(part: number, base: number): number | null {
  const bp = divRound(part, base, 10_000);
  return bp === null ? null : bp / 10_000;
}

/** Fen as 万元 rounded to two decimals (1 万元 = 1,000,000 fen). */
export function fenToWan(fen: number): number {
  return (divRound(fen, 10_000, 1) ?? 0) / 100;
}

/** 1889500000000 → "1,889,500.00" (万元, two decimals, exact). */
export function formatWan(fen: number | null): string {
  if (fen === null) return '—';
  return formatHundredths(divRound(fen, 10_000, 1) ?? 0);
}

/** Fen as 亿元 with two decimals: 1889500000000 → "188.95". */
export function formatYi(fen: number): string {
  return formatHundredths(divRound(fen, 100_000_000, 1) ?? 0);
}

/** 0.0338 → "3.38%"; null → "—". */
export function formatPercent(rate: number | null): string {
  if (rate === null) return '—';
  return `${formatHundredths(Math.round(rate * 10_000), false)}%`;
}

/**
 * Derives figures from raw sums split the way the rules need them: 节资 is measured on non-sale deals,
 * 溢价 on land and property sales, 出让收入 on land alone.
 */
export function figuresOf(sums: { sale: RawDealSums; nonSale: RawDealSums; land: RawDealSums }): DealFigures {
  const all = addSums(sums.sale, sums.nonSale);
  const hasSaving = sums.nonSale.comparableBaseFen > 0;
  const hasPremium = sums.sale.comparableBaseFen > 0;
  const savingFen = sums.nonSale.comparableBaseFen - sums.nonSale.comparableAwardFen;
  const premiumFen = sums.sale.comparableAwardFen - sums.sale.comparableBaseFen;
  return {
    projects: all.projects,
    deals: all.deals,
    awardFen: all.awardFen,
    budgetFen: all.budgetFen,
    savingFen: hasSaving ? savingFen : null,
    savingRate: hasSaving ? rateOf(savingFen, sums.nonSale.comparableBaseFen) : null,
    premiumFen: hasPremium ? premiumFen : null,
    premiumRate: hasPremium ? rateOf(premiumFen, sums.sale.comparableBaseFen) : null,
    revenueFen: sums.land.awardFen,
    failed: all.failed,
  };
}

/** The figures of one category's sums. */
export function categoryFigures(category: Category, s: RawDealSums): DealFigures {
  return figuresOf({ sale: isSale(category) ? s : ZERO_SUMS, nonSale: isSale(category) ? ZERO_SUMS : s, land: category === 'land_mining' ? s : ZERO_SUMS });
}

/** The figures of several categories' sums together (a total row, a center's row). */
export function mixedFigures(byCategory: ReadonlyMap<Category, RawDealSums>): DealFigures {
  let sale = ZERO_SUMS;
  let nonSale = ZERO_SUMS;
  for (const [c, s] of byCategory) {
    if (isSale(c)) sale = addSums(sale, s);
    else nonSale = addSums(nonSale, s);
  }
  return figuresOf({ sale, nonSale, land: byCategory.get('land_mining') ?? ZERO_SUMS });
}

export function addSums(a: RawDealSums, b: RawDealSums): RawDealSums {
  return {
    projects: a.projects + b.projects,
    deals: a.deals + b.deals,
    awardFen: a.awardFen + b.awardFen,
    budgetFen: a.budgetFen + b.budgetFen,
    comparableBaseFen: a.comparableBaseFen + b.comparableBaseFen,
    comparableAwardFen: a.comparableAwardFen + b.comparableAwardFen,
    failed: a.failed + b.failed,
  };
}

/** A category stored outside the vocabulary is counted as 其他交易 rather than dropped. */
export function toCategory(v: string | null): Category {
  return CATEGORIES.find((c) => c === v) ?? 'other';
}

export function emptyNoticeCounts(): NoticeCounts {
  return { tender_notice: 0, prequalification_notice: 0, amendment_notice: 0, candidates_notice: 0, award_notice: 0, termination_notice: 0, contract_notice: 0 };
}

/** Every month from the one of `from` to the one of `to` (YYYY-MM-DD), as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  const out: string[] = [];
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Builds the statistics of a period from the repo's grouped rows (no rows: an empty period). */
export function assembleStats(opts: { from: string; to: string; dealRows: readonly DealRow[]; noticeRows: readonly NoticeRow[] }): TradingStats {
  const byCategory = new Map<Category, RawDealSums>();
  const perCenter = new Map<number, Map<Category, RawDealSums>>();
  const monthly = new Map<string, MonthFigures>();
  for (const r of opts.dealRows) {
    if (r.isMonthly) {
      if (r.month !== null) monthly.set(r.month, { month: r.month, deals: r.deals, awardFen: r.awardFen });
      continue;
    }
    if (r.centerId === null) continue;
    const c = toCategory(r.category);
    byCategory.set(c, addSums(byCategory.get(c) ?? ZERO_SUMS, r));
    const centerMap = perCenter.get(r.centerId) ?? new Map<Category, RawDealSums>();
    centerMap.set(c, addSums(centerMap.get(c) ?? ZERO_SUMS, r));
    perCenter.set(r.centerId, centerMap);
  }
  const noticesBy = new Map<Category, NoticeCounts>(CATEGORIES.map((c) => [c, emptyNoticeCounts()]));
  const totalNotices = emptyNoticeCounts();
  for (const n of opts.noticeRows) {
    const type = NOTICE_TYPES.find((t) => t === n.type);
    const counts = noticesBy.get(toCategory(n.category));
    if (!type || !counts) continue;
    counts[type] += n.count;
    totalNotices[type] += n.count;
  }
  return {
    from: opts.from,
    to: opts.to,
    categories: CATEGORIES.map((c) => ({ category: c, label: CATEGORY_LABELS[c], ...categoryFigures(c, byCategory.get(c) ?? ZERO_SUMS), notices: noticesBy.get(c) ?? emptyNoticeCounts() })),
    total: { ...mixedFigures(byCategory), notices: totalNotices },
    months: monthsBetween(opts.from, opts.to).map((m) => monthly.get(m) ?? { month: m, deals: 0, awardFen: 0 }),
    byCenter: new Map(Array.from(perCenter, ([id, m]) => [id, mixedFigures(m)])),
  };
}

/** Whether a category row has anything to show (the summary table lists only those, plus the total). */
export function hasActivity(s: CategoryStats): boolean {
  return s.projects > 0 || s.deals > 0 || s.failed > 0 || Object.values(s.notices).some((n) => n > 0);
}

function formatHundredths(h: number, isGrouped = true): string {
  const sign = h < 0 ? '-' : '';
  const abs = Math.abs(h);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0');
  return `${sign}${isGrouped ? whole.toLocaleString('en-US') : String(whole)}.${frac}`;
}
