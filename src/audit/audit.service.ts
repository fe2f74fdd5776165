import { canonicalJson, sha256Hex } from '../platform/crypto.ts';
import type { Executor } from '../platform/db/client.ts';
import { insertAuditEvent } from './audit.repo.ts';

/** Who is acting and from where; every operation receives it. */
export type Actor = { userId: number | null; name: string; ip: string; userAgent: string };

export const SYSTEM_ACTOR: Actor = { userId: null, name: '系统', ip: '', userAgent: '' };

/**
 * Records one back-office action. Call it inside the transaction that makes the change, so the change
 * and its audit event commit or fail together.
 */
export async function recordAudit(
  ex: Executor,
  actor: Actor,
  e: { action: string; centerId: number | null; targetType: string; targetId: string | number; before?: unknown; after?: unknown; details?: Record<string, unknown> },
): Promise<void> {
  await insertAuditEvent(ex, {
    actorId: actor.userId,
    actorName: actor.name,
    centerId: e.centerId,
    action: e.action,
    targetType: e.targetType,
    targetId: String(e.targetId),
    beforeDigest: e.before === undefined ? null : sha256Hex(canonicalJson(e.before)),
    afterDigest: e.after === undefined ? null : sha256Hex(canonicalJson(e.after)),
    ip: actor.ip.slice(0, 64),
    userAgent: actor.userAgent.slice(0, 300),
    details: e.details ?? {},
  });
}
