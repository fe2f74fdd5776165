import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import { findArticle, findRevision, insertArticle, insertRevision, nextRevisionNo, updateArticle, type Article } from '../../content/articles.repo.ts';
import { findColumnBySlug } from '../../content/columns.repo.ts';
import { attachments } from '../../content/content.tables.ts';
import { revisionHash } from '../../content/revision-hash.ts';
import type { AppContext } from '../../platform/context.ts';
import { sha256Hex } from '../../platform/crypto.ts';
import { formatDate } from '../../platform/dates.ts';
import type { Executor, Tx } from '../../platform/db/client.ts';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors.ts';
import { htmlToText } from '../../platform/search/snippet.ts';
import { publishWorkingRevision } from '../../publishing/publish-revision.ts';
import { startReviewRun } from '../../review/operations/start-review-run.ts';
import type { CheckInput, CheckProject, Finding } from '../checks/check.types.ts';
import { hasBlocking, runChecks } from '../checks/run-checks.ts';
import { makeDealCode } from '../deal-code.ts';
import { parseNoticeSubmission, type ParsedSubmission } from '../notice.schema.ts';
import { signedMessageOf, verifySm2 } from '../signature.ts';
import { OPENING_TYPES, type Category, type Method, type ProjectStatus } from '../trading.model.ts';
import { resolvePolicy } from '../trading-policy.ts';
import { nextSerial } from '../../platform/db/serials.repo.ts';
import type { WorkingCalendar } from '../../calendar/working-days.ts';
import {
  countDealCodesWithPrefix,
  findNotice,
  findNoticeByIdempotencyKey,
  findProject,
  insertNotice,
  insertProject,
  listPublishedFactsOfProject,
  updateNotice,
  type AgentFirm,
  type Notice,
  type Project,
} from '../trading.repo.ts';

/** Who submits: an agent firm's staff (through the back office or the API with a key), or center staff. */
export type Submitter =
  | { kind: 'agent'; firm: AgentFirm; userId: number; actor: Actor; source: 'agent_api' | 'agent_web' }
  | { kind: 'staff'; centerId: number; userId: number; actor: Actor; source: 'staff' | 'demo' };

export type SubmitResult = {
  notice: Notice;
  projectId: number;
  /** published: public now (inspected afterwards); in_review: waiting for the center's review; draft: a blocking rule failed */
  status: 'published' | 'in_review' | 'draft';
  findings: Finding[];
  isReplay: boolean;
};

/**
 * Takes a new notice: checks its shape, signature and idempotency key, runs the statutory checks, and
 * stores it. Depending on the center's policy for the category it is published at once (and queued for
 * 巡查) or sent to the center's review. A notice failing a blocking rule is kept as a draft with its
 * findings, so nothing the agent typed is lost.
 */
export async function submitNotice(ctx: AppContext, by: Submitter, raw: unknown): Promise<SubmitResult> {
  const { value: input, errors } = parseNoticeSubmission(raw);
  if (!input) throw validationError(errors);
  const isSignatureVerified = checkSignature(by, raw as Record<string, unknown>, input.signature);
  const requestHash = sha256Hex(signedMessageOf(raw as Record<string, unknown>));
  if (by.kind === 'agent' && input.idempotencyKey) {
    const replay = await replayOf(ctx.db, by.firm.id, input.idempotencyKey, requestHash);
    if (replay) return replay;
  }

  const existing = input.projectId ? await findProject(ctx.db, input.projectId) : null;
  if (input.projectId && !existing) throw validationError([{ field: 'projectId', message: '所属项目：找不到该项目' }]);
  if (existing) assertMayUseProject(by, existing);
  if (existing && input.project) throw validationError([{ field: 'project', message: '项目信息：已选择所属项目时不能再新建项目' }]);
  const centerId = existing?.centerId ?? (by.kind === 'agent' ? by.firm.centerId : by.centerId);
  const tree = await ctx.centers.get();
  const center = tree.byId.get(centerId);
  if (!center) throw notFound('交易中心');
  await assertAttachmentsOfCenter(ctx.db, input.attachmentIds, centerId);
  if (input.type === 'amendment_notice' && input.facts.amendsNoticeId) {
    const target = await findNotice(ctx.db, input.facts.amendsNoticeId);
    if (!target || target.projectId !== existing?.id) throw validationError([{ field: 'facts.amendsNoticeId', message: '被变更的公告：应为本项目已发布的公告' }]);
  }

  const category = (existing?.category ?? input.project?.category ?? 'other') as Category;
  const policy = await resolvePolicy(ctx.db, centerId, category);
  const prior = existing ? await listPublishedFactsOfProject(ctx.db, existing.id) : [];
  const now = ctx.clock();
  const findings = runChecks(checkInputOf(input, existing, prior, now, await ctx.calendar.get()), policy.ruleSeverity);
  const isBlocked = hasBlocking(findings);
  const column = await findColumnBySlug(ctx.db, centerId, 'trading');
  if (!column) throw new AppError('NOTICE_INVALID_TRANSITION', { userMessage: '本中心尚未开设“交易信息”栏目，请联系系统管理员' });

  const result = await ctx.db.transaction(async (tx) => {
    const project = existing ?? (await createProject(tx, { input, by, centerId, creditCode: center.creditCode || center.indexPrefix, now }));
    if (!OPENING_TYPES.includes(input.type) && !existing) throw new Error('unreachable: non-opening notice without project');
    const article = await insertArticle(tx, {
      centerId,
      columnId: column.id,
      departmentId: null,
      authorId: by.userId,
      status: 'draft',
      publisher: by.kind === 'agent' ? by.firm.name : center.name,
      title: input.title,
      summary: summaryOf(project),
    });
    const rev = await insertRevision(tx, { articleId: article.id, revisionNo: 1, ...revisionOf(input, project), authorId: by.userId });
    await updateArticle(tx, article.id, { currentRevisionId: rev.id });
    const notice = await insertNotice(tx, {
      articleId: article.id,
      projectId: project.id,
      centerId,
      type: input.type,
      category: project.category,
      method: project.method,
      amountFen: project.budgetFen,
      amendsNoticeId: input.facts.amendsNoticeId ?? null,
      agentFirmId: by.kind === 'agent' ? by.firm.id : project.agentFirmId,
      source: by.source,
      idempotencyKey: by.kind === 'agent' ? (input.idempotencyKey ?? null) : null,
      requestHash,
      signature: input.signature ?? null,
      isSignatureVerified,
      findings,
    });
    await recordAudit(tx, by.actor, {
      action: 'notice.submit',
      centerId,
      targetType: 'notice',
      targetId: notice.id,
      after: { revision: rev.contentHash },
      details: { projectId: project.id, type: input.type, source: by.source, blocking: isBlocked, signed: isSignatureVerified },
    });
    const status = isBlocked ? 'draft' : await release(tx, { ctx, articleId: article.id, notice, mode: policy.inspectionMode, actor: by.actor, userId: by.userId, indexPrefix: center.indexPrefix, defaultChainId: center.defaultChainId, now });
    return { notice: (await findNotice(tx, notice.id)) ?? notice, projectId: project.id, status, findings, isReplay: false } satisfies SubmitResult;
  });
  if (result.status === 'published') ctx.notifyOutbox();
  return result;
}

/**
 * A new version of an existing notice: a draft held back by a blocking rule, a notice the reviewers
 * rejected, or — with a 更正说明 — a published notice the inspectors asked to correct.
 */
export async function reviseNotice(ctx: AppContext, by: Submitter, noticeId: number, raw: unknown): Promise<SubmitResult> {
  const notice = await findNotice(ctx.db, noticeId);
  if (!notice) throw notFound('公告');
  const project = await findProject(ctx.db, notice.projectId);
  if (!project) throw notFound('项目');
  assertMayUseProject(by, project);
  const body: Record<string, unknown> = { ...(raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}), projectId: project.id, type: notice.type };
  delete body.project;
  const { value: input, errors } = parseNoticeSubmission(body);
  if (!input) throw validationError(errors);
  const isSignatureVerified = checkSignature(by, raw as Record<string, unknown>, input.signature);
  const article = await findArticle(ctx.db, notice.articleId);
  if (!article) throw notFound('公告');
  const isCorrection = article.status === 'published';
  if (article.reviewState === 'in_review') throw new AppError('NOTICE_INVALID_TRANSITION', { userMessage: '公告正在审核中，审核结束前不能提交新版本' });
  if (!isCorrection && article.status !== 'draft') throw new AppError('NOTICE_INVALID_TRANSITION', { userMessage: '已撤回的公告不能再修改，请重新提交公告' });
  if (isCorrection && (input.correctionNote ?? '').length < 4) throw validationError([{ field: 'correctionNote', message: '更正说明：更正已发布的公告须写明更正内容和原因（至少 4 个字）' }]);
  await assertAttachmentsOfCenter(ctx.db, input.attachmentIds, notice.centerId);

  const policy = await resolvePolicy(ctx.db, notice.centerId, project.category);
  const prior = (await listPublishedFactsOfProject(ctx.db, project.id)).filter((p) => p.id !== notice.id);
  const now = ctx.clock();
  const findings = runChecks(checkInputOf(input, project, prior, now, await ctx.calendar.get()), policy.ruleSeverity);
  const isBlocked = hasBlocking(findings);
  const center = (await ctx.centers.get()).byId.get(notice.centerId);
  if (!center) throw notFound('交易中心');

  const result = await ctx.db.transaction(async (tx) => {
    const values = revisionOf(input, project);
    const rev = await insertRevision(tx, { articleId: article.id, revisionNo: await nextRevisionNo(tx, article.id), ...values, authorId: by.userId });
    const patch = { currentRevisionId: rev.id, reviewState: 'none', ...(isCorrection ? { pendingCorrection: true } : { title: input.title }) };
    if (!(await updateArticle(tx, article.id, patch, article.lockVersion))) throw new AppError('CONFLICT_STALE', { userMessage: '公告已被他人修改，请刷新后重新提交' });
    await updateNotice(tx, notice.id, { findings, signature: input.signature ?? null, isSignatureVerified, ...(notice.inspectionState === 'correction_requested' ? { inspectionState: 'pending' } : {}) });
    await recordAudit(tx, by.actor, {
      action: isCorrection ? 'notice.correct' : 'notice.revise',
      centerId: notice.centerId,
      targetType: 'notice',
      targetId: notice.id,
      after: { revision: rev.contentHash },
      details: { blocking: isBlocked, signed: isSignatureVerified },
    });
    const status = isBlocked ? 'draft' : await release(tx, { ctx, articleId: article.id, notice, mode: policy.inspectionMode, actor: by.actor, userId: by.userId, indexPrefix: center.indexPrefix, defaultChainId: center.defaultChainId, now });
    return { notice: (await findNotice(tx, notice.id)) ?? notice, projectId: project.id, status: isCorrection && isBlocked ? 'published' : status, findings, isReplay: false } satisfies SubmitResult;
  });
  if (result.status === 'published') ctx.notifyOutbox();
  return result;
}

/** Publishes at once (to be inspected afterwards) or opens the center's review, per the category's policy. */
async function release(
  tx: Tx,
  o: { ctx: AppContext; articleId: number; notice: Notice; mode: string; actor: Actor; userId: number; indexPrefix: string; defaultChainId: number | null; now: Date },
): Promise<'published' | 'in_review'> {
  const article = await findArticle(tx, o.articleId);
  if (!article) throw notFound('公告');
  if (o.mode === 'publish_then_inspect') {
    await publishWorkingRevision(tx, { article, actor: o.actor, now: o.now, isForced: false, indexPrefix: o.indexPrefix });
    await updateNotice(tx, o.notice.id, { inspectionState: 'pending' });
    return 'published';
  }
  const revision = article.currentRevisionId ? await findRevision(tx, article.currentRevisionId) : null;
  if (!revision) throw notFound('公告版本');
  await startReviewRun(tx, { article, revision, defaultChainId: o.defaultChainId, submittedBy: o.userId, actor: o.actor });
  await updateArticle(tx, article.id, { reviewState: 'in_review' });
  return 'in_review';
}

function checkSignature(by: Submitter, raw: Record<string, unknown>, signature: string | undefined): boolean {
  if (!signature) return false;
  const key = by.kind === 'agent' ? by.firm.sm2PublicKey : null;
  if (!key) throw new AppError('SIGNATURE_KEY_MISSING', { userMessage: '电子签名：本机构尚未登记 SM2 公钥（CA 锁证书），无法验证签名，请先在后台登记公钥或去掉 signature 字段' });
  if (!verifySm2(signedMessageOf(raw), signature, key)) {
    throw new AppError('SIGNATURE_INVALID', {
      userMessage: '电子签名：SM2 签名验证失败。请用本机构登记的 CA 锁私钥，对去掉 signature 字段后按键名排序、无空白的 JSON 正文签名（SM3 杂凑，DER 编码）',
      fields: [{ field: 'signature', message: '电子签名：验证失败，内容可能被改动或签名私钥与登记的公钥不符' }],
    });
  }
  return true;
}

async function replayOf(db: Executor, firmId: number, key: string, requestHash: string): Promise<SubmitResult | null> {
  const prior = await findNoticeByIdempotencyKey(db, firmId, key);
  if (!prior) return null;
  if (prior.requestHash !== requestHash) {
    throw new AppError('IDEMPOTENCY_CONFLICT', { userMessage: '幂等键：该幂等键已用于内容不同的另一次提交，请为新的公告使用新的幂等键', fields: [{ field: 'idempotencyKey', message: '幂等键：已用于内容不同的提交' }] });
  }
  const article = await findArticle(db, prior.articleId);
  return { notice: prior, projectId: prior.projectId, status: statusOf(article), findings: prior.findings, isReplay: true };
}

export function statusOf(article: Article | null): SubmitResult['status'] {
  if (article?.status === 'published') return 'published';
  return article?.reviewState === 'in_review' ? 'in_review' : 'draft';
}

function assertMayUseProject(by: Submitter, project: Project): void {
  if (by.kind === 'agent' && project.agentFirmId !== by.firm.id) throw forbidden('只能为本机构代理的项目提交公告');
  if (by.kind === 'staff' && project.centerId !== by.centerId) throw forbidden('只能为本中心的项目提交公告');
}

async function assertAttachmentsOfCenter(db: Executor, ids: number[], centerId: number): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.select({ id: attachments.id }).from(attachments).where(and(inArray(attachments.id, ids), eq(attachments.centerId, centerId)));
  if (rows.length !== ids.length) throw validationError([{ field: 'attachmentIds', message: '附件：包含不存在或不属于本中心的文件' }]);
}

async function createProject(tx: Tx, o: { input: ParsedSubmission; by: Submitter; centerId: number; creditCode: string; now: Date }): Promise<Project> {
  const p = o.input.project;
  if (!p) throw validationError([{ field: 'projectId', message: '所属项目：必须填写' }]);
  // Serial numbers of the day are handed out one at a time.
  await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
  const uscc = o.creditCode.padEnd(18, '0').slice(0, 18).toUpperCase().replace(/[^0-9A-Z]/g, '0');
  const day = formatDate(o.now);
  const prefix = `${uscc}${day.replaceAll('-', '')}`;
  const serial = await nextSerial(tx, `deal-code:${prefix}`, () => countDealCodesWithPrefix(tx, prefix));
  return insertProject(tx, {
    centerId: o.centerId,
    code: makeDealCode(uscc, day, serial),
    projectNo: p.projectNo,
    name: p.name,
    category: p.category,
    method: p.method,
    region: p.region,
    tendererName: p.tendererName,
    tendererCreditCode: p.tendererCreditCode ?? '',
    agentFirmId: o.by.kind === 'agent' ? o.by.firm.id : null,
    agentName: o.by.kind === 'agent' ? o.by.firm.name : '',
    budgetFen: p.budgetFen,
    isMandatoryTendering: p.isMandatoryTendering,
    lots: p.lots,
    status: 'open',
  });
}

function revisionOf(input: ParsedSubmission, project: Pick<Project, 'projectNo' | 'tendererName' | 'agentName' | 'code'>) {
  const summary = summaryOf(project);
  const r = { title: input.title, bodyHtml: input.bodyHtml, summary, source: project.agentName, fields: { notice: input.facts }, attachmentIds: input.attachmentIds, correctionNote: input.correctionNote ?? null };
  return { ...r, contentHash: revisionHash(r) };
}

function summaryOf(project: Pick<Project, 'projectNo' | 'tendererName' | 'agentName' | 'code'>): string {
  return [`项目编号：${project.projectNo}`, `招标人：${project.tendererName}`, project.agentName ? `代理机构：${project.agentName}` : '', `交易标识码：${project.code}`].filter(Boolean).join('　');
}

function checkInputOf(input: ParsedSubmission, project: Project | null, prior: Awaited<ReturnType<typeof listPublishedFactsOfProject>>, now: Date, calendar: WorkingCalendar): CheckInput {
  const p = input.project;
  const checkProject: CheckProject = project
    ? {
        category: project.category as Category,
        method: project.method as Method,
        isMandatoryTendering: project.isMandatoryTendering,
        budgetFen: project.budgetFen,
        lots: project.lots,
        status: project.status as ProjectStatus,
        bidDeadline: project.bidDeadline?.toISOString() ?? null,
        openingAt: project.openingAt?.toISOString() ?? null,
      }
    : {
        category: p?.category ?? 'other',
        method: p?.method ?? 'open_tender',
        isMandatoryTendering: p?.isMandatoryTendering ?? false,
        budgetFen: p?.budgetFen ?? null,
        lots: p?.lots ?? [],
        status: 'open',
        bidDeadline: null,
        openingAt: null,
      };
  return {
    project: checkProject,
    facts: input.facts,
    title: input.title,
    bodyText: htmlToText(input.bodyHtml),
    prior: prior.map((n) => ({ id: n.id, type: n.type, publishedAt: n.publishedAt.toISOString(), facts: n.facts })),
    now: now.toISOString(),
    calendar,
  };
}

