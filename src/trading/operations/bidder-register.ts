import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import { findArticle, findAttachments, findRevision, type Attachment } from '../../content/articles.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { isValidCreditCode } from '../../platform/credit-code.ts';
import { AppError, notFound, validationError, type FieldError } from '../../platform/errors.ts';
import { InputReader } from '../notice-input.ts';
import { findProject, insertRegistration, listPublishedFactsOfProject, listRegistrations, type BidderRegistration, type Project } from '../trading.repo.ts';

const LABELS: Record<string, string> = { bidderName: '单位名称', creditCode: '统一社会信用代码', contactPhone: '联系电话', amountFen: '保证金金额' };

function readBidder(raw: Record<string, unknown>, withAmount: boolean): { value: { bidderName: string; creditCode: string; contactPhone: string; amountFen: number | null } | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const r = new InputReader(raw, { prefix: '', labels: LABELS, errors });
  const bidderName = r.text('bidderName', { max: 120, required: true, min: 4 });
  const code = r.text('creditCode', { max: 18, required: true })?.toUpperCase();
  if (code && !isValidCreditCode(code)) r.fail('creditCode', '不是有效的 18 位统一社会信用代码（校验位不符）');
  const contactPhone = r.text('contactPhone', { max: 40 }) ?? '';
  if (contactPhone && !/^[0-9+\-() ]{5,40}$/.test(contactPhone)) r.fail('contactPhone', '应为电话号码');
  const amountFen = withAmount ? (r.fen('amountFen', { required: true }) ?? null) : null;
  if (errors.length > 0 || !bidderName || !code) return { value: null, errors };
  return { value: { bidderName, creditCode: code, contactPhone, amountFen }, errors };
}

/** The tender documents of a project: the attachments of its published opening notices. */
export async function tenderDocumentsOf(ctx: AppContext, projectId: number): Promise<Attachment[]> {
  const notices = await listPublishedFactsOfProject(ctx.db, projectId);
  const ids: number[] = [];
  for (const n of notices) {
    const article = await findArticle(ctx.db, n.articleId);
    const rev = article?.publishedRevisionId ? await findRevision(ctx.db, article.publishedRevisionId) : null;
    if (rev) ids.push(...rev.attachmentIds);
  }
  return findAttachments(ctx.db, Array.from(new Set(ids)));
}

/**
 * 获取招标文件: a bidder names itself before the documents are handed over. The record is never public
 * and is sealed in the back office until the opening (Shaoyang: 保证金缴纳情况的保护).
 */
export async function registerForDocuments(ctx: AppContext, opts: { projectId: number; raw: Record<string, unknown> }): Promise<{ project: Project; documents: Attachment[] }> {
  const project = await findProject(ctx.db, opts.projectId);
  if (!project || !project.bidDeadline) throw notFound('项目');
  const now = ctx.clock();
  if (project.status !== 'open' || project.bidDeadline.getTime() <= now.getTime()) throw new AppError('NOTICE_INVALID_TRANSITION', { userMessage: '该项目已过投标截止时间，不能再获取招标文件' });
  const { value, errors } = readBidder(opts.raw, false);
  if (!value) throw validationError(errors);
  await insertRegistration(ctx.db, { projectId: project.id, kind: 'download', ...value });
  return { project, documents: await tenderDocumentsOf(ctx, project.id) };
}

/** Records a deposit received (from the bank's statement) for a project of the center. */
export async function recordDeposit(ctx: AppContext, opts: { centerIds: number[]; projectId: number; raw: Record<string, unknown>; actor: Actor }): Promise<void> {
  const project = await findProject(ctx.db, opts.projectId);
  if (!project || !opts.centerIds.includes(project.centerId)) throw notFound('项目');
  const { value, errors } = readBidder(opts.raw, true);
  if (!value) throw validationError(errors);
  await ctx.db.transaction(async (tx) => {
    const row = await insertRegistration(tx, { projectId: project.id, kind: 'deposit', ...value });
    // The audit event names no bidder: the audit log is readable before the opening.
    await recordAudit(tx, opts.actor, { action: 'deposit.record', centerId: project.centerId, targetType: 'project', targetId: project.id, details: { registrationId: row.id } });
  });
}

export type Register = { isSealed: true; opensAt: Date | null } | { isSealed: false; opensAt: Date; rows: BidderRegistration[] };

/** Who obtained documents or paid a deposit: nothing at all (not even a count) before the opening time. */
export async function readRegister(ctx: AppContext, opts: { centerIds: number[]; projectId: number; actor: Actor }): Promise<Register> {
  const project = await findProject(ctx.db, opts.projectId);
  if (!project || !opts.centerIds.includes(project.centerId)) throw notFound('项目');
  const now = ctx.clock();
  if (!project.openingAt || project.openingAt.getTime() > now.getTime()) return { isSealed: true, opensAt: project.openingAt };
  const rows = await listRegistrations(ctx.db, project.id);
  await ctx.db.transaction(async (tx) => recordAudit(tx, opts.actor, { action: 'register.read', centerId: project.centerId, targetType: 'project', targetId: project.id, details: { rows: rows.length } }));
  return { isSealed: false, opensAt: project.openingAt, rows };
}
