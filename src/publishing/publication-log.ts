import { asc, sql } from 'drizzle-orm';
import { canonicalJson, sha256Hex } from '../platform/crypto.ts';
import type { Executor } from '../platform/db/client.ts';
import { publicationLog } from './publishing.tables.ts';

export type LogEntry = typeof publicationLog.$inferSelect;

/**
 * Appends a leaf to the public publication log. The log table is locked for the rest of the
 * transaction, so sequence order equals commit order (a later Merkle checkpoint depends on it).
 * Leaves hold hashes, not text: personal data can be taken down without breaking the log.
 */
export async function appendLogEntry(
  ex: Executor,
  e: { centerId: number; itemType: string; itemId: number; versionNo: number; action: string; contentHash: string; title: string; at: Date },
): Promise<LogEntry> {
  await ex.execute(sql`lock table publication_log in exclusive mode`);
  const [prev] = await ex.select({ leafHash: publicationLog.leafHash }).from(publicationLog).orderBy(sql`${publicationLog.seq} desc`).limit(1);
  const leaf = {
    center: e.centerId,
    itemType: e.itemType,
    itemId: e.itemId,
    version: e.versionNo,
    action: e.action,
    contentSha256: e.contentHash,
    titleSha256: sha256Hex(e.title),
    at: e.at.toISOString(),
    prev: prev?.leafHash ?? null,
  };
  // RFC 6962 leaf hash: SHA-256(0x00 || entry)
  const leafHash = sha256Hex(Buffer.concat([Buffer.from([0]), Buffer.from(canonicalJson(leaf))]));
  const [row] = await ex
    .insert(publicationLog)
    .values({ centerId: e.centerId, itemType: e.itemType, itemId: e.itemId, versionNo: e.versionNo, action: e.action, leaf, leafHash, createdAt: e.at })
    .returning();
  if (!row) throw new Error('append log returned nothing');
  return row;
}

export async function listLogEntriesOfItem(ex: Executor, itemType: string, itemId: number): Promise<LogEntry[]> {
  return ex
    .select()
    .from(publicationLog)
    .where(sql`${publicationLog.itemType} = ${itemType} and ${publicationLog.itemId} = ${itemId}`)
    .orderBy(asc(publicationLog.seq));
}

/** Recomputes a leaf hash from its stored entry: the check any visitor can repeat. */
export function verifyLeaf(entry: Pick<LogEntry, 'leaf' | 'leafHash'>): boolean {
  return sha256Hex(Buffer.concat([Buffer.from([0]), Buffer.from(canonicalJson(entry.leaf))])) === entry.leafHash;
}
