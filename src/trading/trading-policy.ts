import type { Executor } from '../platform/db/client.ts';
import type { RuleSeverity } from './checks/check.types.ts';
import { findPolicy } from './trading.repo.ts';

export type InspectionMode = 'publish_then_inspect' | 'review_first';

export const INSPECTION_MODE_LABELS: Record<InspectionMode, string> = {
  publish_then_inspect: '代理机构直接发布，中心事后巡查',
  review_first: '中心审核通过后发布',
};

export type ResolvedPolicy = { inspectionMode: InspectionMode; ruleSeverity: RuleSeverity };

/**
 * The center's policy for a category. Without a row: the center reviews before publication and every
 * rule acts at its default severity — the cautious choice for a center that has not decided yet.
 */
export async function resolvePolicy(ex: Executor, centerId: number, category: string): Promise<ResolvedPolicy> {
  const row = await findPolicy(ex, centerId, category);
  return {
    inspectionMode: row?.inspectionMode === 'publish_then_inspect' ? 'publish_then_inspect' : 'review_first',
    ruleSeverity: row?.ruleSeverity ?? {},
  };
}
