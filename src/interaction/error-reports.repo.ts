import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { messages } from './interaction.tables.ts';

/** 网站找错 reports are messages of kind `error_report` (migration 0009); this is their list view. */
export type ErrorReport = { id: number; trackingNo: string; pageUrl: string; description: string; status: string; dueOn: string; repliedOn: string | null; createdAt: Date };

export async function listErrorReports(ex: Executor, centerId: number, limit: number): Promise<ErrorReport[]> {
  return ex
    .select({ id: messages.id, trackingNo: messages.trackingNo, pageUrl: messages.reference, description: messages.body, status: messages.status, dueOn: messages.dueOn, repliedOn: messages.repliedOn, createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.centerId, centerId), eq(messages.kind, 'error_report')))
    .orderBy(desc(messages.id))
    .limit(limit);
}
