import type { AppContext } from '../platform/context.ts';
import { matchesAccessCode, normaliseAccessCode, normaliseTrackingNo } from './message-codes.ts';
import { presentPublicQa, presentTracking, type PublicQa, type PublicTracking } from './messages.presenter.ts';
import { findMessageByTrackingNo, listPublicQa } from './messages.repo.ts';

export type PortalScope = { centerId: number; basePath: string };

/**
 * A sender's view of their message: the tracking number and the access code must both match (and, on a
 * center's portal, the center). A wrong code and an unknown number look the same: null.
 */
export async function findTracking(ctx: AppContext, o: { centerId: number | null; trackingNo: string; accessCode: string }): Promise<PublicTracking | null> {
  const code = normaliseAccessCode(o.accessCode);
  if (!code) return null;
  const m = await findMessageByTrackingNo(ctx.db, normaliseTrackingNo(o.trackingNo));
  if (!m || !matchesAccessCode(m.accessCodeHash, code)) return null;
  if (o.centerId !== null && m.centerId !== o.centerId) return null;
  return presentTracking(m);
}

export async function publicQaPage(ctx: AppContext, scope: PortalScope, o: { page: number; limit: number; kind?: string | undefined }): Promise<{ items: PublicQa[]; total: number }> {
  const { rows, total } = await listPublicQa(ctx.db, { centerIds: [scope.centerId], kind: o.kind, limit: o.limit, offset: (o.page - 1) * o.limit });
  return { items: rows.map((r) => presentPublicQa(r, `${scope.basePath}/interaction/qa/${r.id}`)), total };
}
