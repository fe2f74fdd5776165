/**
 * Column health by the 政府网站与政务新媒体检查指标 (国办秘函〔2019〕19号; reference/gov-website.md §1.3):
 * the home page not updated in 2 weeks, dynamic columns (动态、要闻) not updated in 2 weeks, notice and policy
 * columns not updated in 6 months, and blank columns are veto items (单项否决) once they reach their counts.
 * We warn before that: at 10 days for 2-week limits (the monitors' own early warning), at 5 months for the
 * 6-month limit, and for "应更新" columns (finance, personnel, guides, annual report) after a year.
 */

export type FreshnessClass = 'dynamic' | 'notice_policy' | 'should_update' | 'none';
export type Health = 'ok' | 'warn' | 'stale' | 'blank';

/** Days after which a column of a class is stale, and the early warning. */
export const LIMITS: Record<Exclude<FreshnessClass, 'none'>, { staleDays: number; warnDays: number; label: string }> = {
  dynamic: { staleDays: 14, warnDays: 10, label: '动态、要闻类：2 周内应有更新' },
  notice_policy: { staleDays: 183, warnDays: 150, label: '通知公告、政策文件类：6 个月内应有更新' },
  should_update: { staleDays: 365, warnDays: 330, label: '应更新栏目：1 年内应有更新' },
};

/** Veto thresholds of the site as a whole, and our early warnings (the monitors warn at these). */
export const SITE_LIMITS = {
  homeStaleDays: 14,
  homeWarnDays: 10,
  staleColumnsVeto: 5, // 动态 + 通知公告/政策文件 columns not updated
  staleColumnsWarn: 3,
  longStaleVeto: 10, // 应更新但长期未更新
  longStaleWarn: 6,
  blankVeto: 5,
  blankWarn: 2,
} as const;

const CLASS_OF_KIND: Record<string, FreshnessClass> = {
  news: 'dynamic',
  trading: 'dynamic',
  notice: 'notice_policy',
  policy: 'notice_policy',
  interpretation: 'notice_policy',
  exposure: 'notice_policy',
  finance: 'should_update',
  personnel: 'should_update',
  service_guide: 'should_update',
  annual_report: 'should_update',
  general: 'none',
};

export function freshnessClassOf(kind: string): FreshnessClass {
  return CLASS_OF_KIND[kind] ?? 'none';
}

export type ColumnFacts = { id: number; name: string; kind: string; published: number; lastPublishedAt: Date | null };
export type ColumnHealth = ColumnFacts & { cls: FreshnessClass; health: Health; daysSince: number | null; limit: string };

export function columnHealth(c: ColumnFacts, now: Date): ColumnHealth {
  const cls = freshnessClassOf(c.kind);
  const daysSince = c.lastPublishedAt ? Math.floor((now.getTime() - c.lastPublishedAt.getTime()) / 86400_000) : null;
  const limit = cls === 'none' ? '无更新时限' : LIMITS[cls].label;
  if (c.published === 0) return { ...c, cls, health: 'blank', daysSince, limit };
  if (cls === 'none' || daysSince === null) return { ...c, cls, health: 'ok', daysSince, limit };
  const l = LIMITS[cls];
  return { ...c, cls, health: daysSince >= l.staleDays ? 'stale' : daysSince >= l.warnDays ? 'warn' : 'ok', daysSince, limit };
}

export type SiteHealth = {
  columns: ColumnHealth[];
  home: { lastPublishedAt: Date | null; daysSince: number | null; health: Health };
  findings: { id: string; level: 'veto' | 'warn'; message: string }[];
};

/** The columns' health and the site's findings, veto level first. */
export function siteHealth(columns: ColumnFacts[], now: Date): SiteHealth {
  const rows = columns.map((c) => columnHealth(c, now));
  const last = columns.reduce<Date | null>((m, c) => (c.lastPublishedAt && (!m || c.lastPublishedAt > m) ? c.lastPublishedAt : m), null);
  const homeDays = last ? Math.floor((now.getTime() - last.getTime()) / 86400_000) : null;
  const home = { lastPublishedAt: last, daysSince: homeDays, health: (homeDays === null ? 'blank' : homeDays >= SITE_LIMITS.homeStaleDays ? 'stale' : homeDays >= SITE_LIMITS.homeWarnDays ? 'warn' : 'ok') as Health };
  const findings: SiteHealth['findings'] = [];
  if (home.health === 'stale' || home.health === 'blank') findings.push({ id: 'home_stale', level: 'veto', message: `首页 ${homeDays ?? '—'} 天未更新（监测 2 周首页无更新即单项否决）` });
  else if (home.health === 'warn') findings.push({ id: 'home_stale', level: 'warn', message: `首页已 ${homeDays} 天未更新，第 14 天将触及单项否决` });
  const stale = rows.filter((r) => (r.cls === 'dynamic' || r.cls === 'notice_policy') && r.health === 'stale');
  if (stale.length >= SITE_LIMITS.staleColumnsVeto) findings.push({ id: 'columns_stale', level: 'veto', message: `${stale.length} 个动态或通知公告、政策文件类栏目未按时更新（累计 5 个即单项否决）：${names(stale)}` });
  else if (stale.length >= SITE_LIMITS.staleColumnsWarn) findings.push({ id: 'columns_stale', level: 'warn', message: `${stale.length} 个栏目未按时更新：${names(stale)}` });
  const longStale = rows.filter((r) => r.health === 'stale');
  if (longStale.length >= SITE_LIMITS.longStaleVeto) findings.push({ id: 'columns_long_stale', level: 'veto', message: `${longStale.length} 个应更新栏目长期未更新（10 个即单项否决）` });
  else if (longStale.length >= SITE_LIMITS.longStaleWarn) findings.push({ id: 'columns_long_stale', level: 'warn', message: `${longStale.length} 个应更新栏目长期未更新` });
  const blank = rows.filter((r) => r.health === 'blank');
  if (blank.length >= SITE_LIMITS.blankVeto) findings.push({ id: 'columns_blank', level: 'veto', message: `${blank.length} 个空白栏目（5 个即单项否决）：${names(blank)}` });
  else if (blank.length >= SITE_LIMITS.blankWarn) findings.push({ id: 'columns_blank', level: 'warn', message: `${blank.length} 个空白栏目：${names(blank)}` });
  findings.sort((a, b) => (a.level === b.level ? 0 : a.level === 'veto' ? -1 : 1));
  return { columns: rows, home, findings };
}

function names(rows: ColumnHealth[]): string {
  return rows.map((r) => r.name).join('、');
}
