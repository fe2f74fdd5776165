import { timingSafeEqual } from 'node:crypto';
import type { Executor } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { findRequestByTrackingNo, listEvents, listReplies } from './disclosure.repo.ts';
import { hashAccessCode } from './operations/file-request.ts';
import { presentPublicCase, type PublicCase } from './public-view.ts';

/** A case for the holder of its access code; a wrong number and a wrong code answer alike (no probing). */
export async function findPublicCase(ex: Executor, trackingNo: string, accessCode: string): Promise<PublicCase> {
  const denied = new AppError('DISCLOSURE_ACCESS_DENIED', { userMessage: '受理编号或查询码不正确，请核对后重试' });
  const r = await findRequestByTrackingNo(ex, trackingNo.trim().toUpperCase().slice(0, 40));
  const given = Buffer.from(hashAccessCode(accessCode.slice(0, 40)));
  if (!r || !timingSafeEqual(Buffer.from(r.accessCodeHash), given)) throw denied;
  const [events, replies] = await Promise.all([listEvents(ex, r.id), listReplies(ex, r.id)]);
  return presentPublicCase(r, events, replies);
}
