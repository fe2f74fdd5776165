import type { Method, NoticeType } from '../trading.model.ts';
import type { CheckInput, CheckProject, PriorNotice } from './check.types.ts';
import { beijingDateOf, readDate } from './check-dates.ts';

/**
 * Which regime governs the project (notice-formats.md §1): works tendered under the 招标投标法, or government
 * procurement under the 政府采购法. Land, mining, state assets, medicine and other trades fall under neither.
 */

const TENDER_METHODS: readonly Method[] = ['open_tender', 'invited_tender'];

export function isTenderMethod(method: Method): boolean {
  return TENDER_METHODS.includes(method);
}

/** Works procured by 招标 (公开 or 邀请): the 招标投标法 and its 实施条例 apply. */
export function isWorksTender(project: CheckProject): boolean {
  return project.category === 'works' && isTenderMethod(project.method);
}

/** Government procurement by 招标: the 政府采购法 chapter on 招标 and 实施条例 第三十一/三十三条 apply. */
export function isProcurementTender(project: CheckProject): boolean {
  return project.category === 'procurement' && isTenderMethod(project.method);
}

/** The notice's lot numbers, tolerating a malformed value. */
export function lotNosOf(input: CheckInput): number[] {
  return Array.isArray(input.facts.lotNos) ? input.facts.lotNos : [];
}

/**
 * The latest prior notice of a type; among several, the latest that shares a lot with this notice, else the
 * latest of all (a notice for the whole project has no lots in common with a lot-level one).
 */
export function latestPrior(input: CheckInput, type: NoticeType): PriorNotice | null {
  const ofType = input.prior.filter((p) => p.type === type);
  const lots = lotNosOf(input);
  const sharing = ofType.filter((p) => Array.isArray(p.facts.lotNos) && p.facts.lotNos.some((n) => lots.includes(n)));
  return sharing.at(-1) ?? ofType.at(-1) ?? null;
}

/** When the 中标通知书 was issued: as the award notice states it, else the day that notice was published. */
export function awardDateOf(award: PriorNotice): { date: string; isFromPublication: boolean } | null {
  const stated = readDate(award.facts.awardNoticeOn);
  if (stated) return { date: stated, isFromPublication: false };
  const published = beijingDateOf(award.publishedAt);
  return published ? { date: published, isFromPublication: true } : null;
}
