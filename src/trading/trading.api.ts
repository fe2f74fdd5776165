import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { CenterTree } from '../centers/centers.service.ts';
import { findAttachments } from '../content/articles.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { notFound, validationError, type FieldError } from '../platform/errors.ts';
import { basePathOf } from '../portal/portal.service.ts';
import { formatDealCode } from './deal-code.ts';
import { findPublicNotice, findPublicProject, listNotices, listProjectNotices, type NoticeListItem } from './notices.query.ts';
import { MAX_QUERY_LENGTH, parseNoticeSearch, resolveCenterScope } from './notice-search.schema.ts';
import { CATEGORIES, METHODS, NOTICE_TYPES, type NoticeFacts } from './trading.model.ts';

/**
 * The public JSON API of trading information (DESIGN.md, "Public contract"). Routes validate their input
 * with the same parser as the portal, so the messages name the field in Chinese; presenters pick the public
 * fields, and the response schemas drop anything else (findings, inspection, agent firm ids, idempotency
 * keys and signatures never leave).
 */
export function registerTradingApi(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/notices',
    {
      // The schema documents the parameters; the handler checks them (Chinese messages naming the field).
      attachValidation: true,
      schema: {
        summary: '查询交易公告',
        description: '已发布的交易公告，按发布时间倒序（有关键词时可按相关度），游标分页：把上一页的 nextCursor 作为 cursor 传入。',
        tags: ['交易信息'],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: MAX_QUERY_LENGTH, description: '关键词' })),
          category: Type.Optional(Type.Enum([...CATEGORIES], { description: '交易类别' })),
          type: Type.Optional(Type.Enum([...NOTICE_TYPES], { description: '公告类型' })),
          method: Type.Optional(Type.Enum([...METHODS], { description: '交易方式' })),
          center: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,20}$', description: '中心代码（含其下级中心）' })),
          from: Type.Optional(Type.String({ format: 'date', description: '发布日期起（含），北京时间' })),
          to: Type.Optional(Type.String({ format: 'date', description: '发布日期止（含），北京时间' })),
          min: Type.Optional(Type.String({ pattern: '^\\d{1,9}(\\.\\d{1,6})?$', description: '金额下限（万元）' })),
          max: Type.Optional(Type.String({ pattern: '^\\d{1,9}(\\.\\d{1,6})?$', description: '金额上限（万元）' })),
          sort: Type.Optional(Type.Enum(['date', 'relevance'], { description: '排序：date 按时间，relevance 按相关度（需关键词）' })),
          cursor: Type.Optional(Type.String({ maxLength: 64, description: '上一页返回的 nextCursor' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        }),
        response: { 200: NoticeListBody, 400: ErrorBody },
      },
    },
    async (req) => {
      const search = parseNoticeSearch(req.query);
      const errors: FieldError[] = [...search.errors];
      const limit = limitOf(req, errors);
      const tree = await ctx.centers.get();
      const scope = resolveCenterScope(tree, tree.root, search.centerCode);
      if ('error' in scope) errors.push(scope.error);
      if (errors.length > 0 || !('centerIds' in scope)) throw validationError(errors);
      const page = await listNotices(ctx.db, { ...search, centerIds: scope.centerIds, limit, now: ctx.clock() });
      return {
        items: page.items.map((n) => presentListItem(n, tree.byId.get(n.centerId)?.code ?? '', urlOf(tree, n.centerId, `/trading/notices/${n.id}`))),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/api/v1/notices/:id',
    {
      attachValidation: true,
      schema: { summary: '一条交易公告', description: '含所属项目 projectId 与公告要素 facts。', tags: ['交易信息'], params: IdParams, response: { 200: NoticeBody, 400: ErrorBody, 404: ErrorBody } },
    },
    async (req) => {
      const id = idOf(req, '公告编号');
      const now = ctx.clock();
      const notice = await findPublicNotice(ctx.db, id, now);
      const rev = notice?.revision;
      if (!notice || !rev) throw notFound('公告');
      const [tree, attachments, timeline] = await Promise.all([ctx.centers.get(), findAttachments(ctx.db, rev.attachmentIds), listProjectNotices(ctx.db, notice.projectId, now)]);
      return {
        id: notice.id,
        title: rev.title,
        type: notice.type,
        category: notice.category,
        method: notice.method,
        center: tree.byId.get(notice.centerId)?.code ?? '',
        projectId: notice.projectId,
        amendsNoticeId: notice.amendsNoticeId,
        amendedBy: timeline.filter((e) => e.amendsNoticeId === notice.id).map((e) => e.id),
        publishedAt: notice.publishedAt.toISOString(),
        version: rev.versionNo,
        correctionNote: rev.correctionNote,
        indexNo: notice.indexNo,
        publisher: notice.publisher,
        amountFen: notice.amountFen,
        url: urlOf(tree, notice.centerId, `/trading/notices/${notice.id}`),
        bodyHtml: rev.bodyHtml,
        facts: presentFacts(rev.facts),
        attachments: attachments.map((a) => ({ name: a.originalName, size: a.sizeBytes, sha256: a.sha256, url: `/files/${a.id}/${encodeURIComponent(a.safeName)}` })),
      };
    },
  );

  app.get(
    '/api/v1/projects/:id',
    {
      attachValidation: true,
      schema: { summary: '一个交易项目及其全部公告', description: 'notices 为项目进程，按发布时间先后排列。', tags: ['交易信息'], params: IdParams, response: { 200: ProjectBody, 400: ErrorBody, 404: ErrorBody } },
    },
    async (req) => {
      const id = idOf(req, '项目编号');
      const now = ctx.clock();
      const project = await findPublicProject(ctx.db, id, now);
      if (!project) throw notFound('项目');
      const [tree, timeline] = await Promise.all([ctx.centers.get(), listProjectNotices(ctx.db, id, now)]);
      return {
        id: project.id,
        code: project.code,
        codeDisplay: formatDealCode(project.code),
        projectNo: project.projectNo,
        name: project.name,
        category: project.category,
        method: project.method,
        region: project.region,
        center: tree.byId.get(project.centerId)?.code ?? '',
        tendererName: project.tendererName,
        agentName: project.agentName,
        budgetFen: project.budgetFen,
        lots: project.lots.map((l) => ({ lotNo: l.lotNo, name: l.name, budgetFen: l.budgetFen })),
        status: project.status,
        docSaleStart: project.docSaleStart,
        docSaleEnd: project.docSaleEnd,
        bidDeadline: project.bidDeadline?.toISOString() ?? null,
        openingAt: project.openingAt?.toISOString() ?? null,
        openingPlace: project.openingPlace,
        awardAmountFen: project.awardAmountFen,
        awardedOn: project.awardedOn,
        url: urlOf(tree, project.centerId, `/trading/projects/${project.id}`),
        notices: timeline.map((e) => ({ id: e.id, type: e.type, title: e.title, publishedAt: e.publishedAt.toISOString(), amendsNoticeId: e.amendsNoticeId, facts: presentFacts(e.facts) })),
      };
    },
  );
}

const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))), requestId: Type.String() }),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const Fen = Type.Union([Type.Integer(), Type.Null()], { description: '金额，单位：分' });
const Str = Type.Optional(Type.String());

const FactsBody = Type.Object(
  {
    type: Type.String(),
    lotNos: Type.Array(Type.Integer()),
    contact: Type.Optional(Type.Object({ name: Type.String(), phone: Type.String() })),
    docSaleStart: Str,
    docSaleEnd: Str,
    bidDeadline: Str,
    openingAt: Str,
    openingPlace: Str,
    depositFen: Type.Optional(Fen),
    qualification: Str,
    amendsNoticeId: Type.Optional(Type.Integer()),
    changeSummary: Str,
    affectsPreparation: Type.Optional(Type.Boolean()),
    newBidDeadline: Str,
    newOpeningAt: Str,
    evaluationReportOn: Str,
    publicityStart: Str,
    publicityEnd: Str,
    candidates: Type.Optional(Type.Array(Type.Object({ lotNo: Type.Integer(), rank: Type.Integer(), name: Type.String(), creditCode: Str, priceFen: Fen, projectManager: Str }))),
    objectionChannel: Str,
    winners: Type.Optional(Type.Array(Type.Object({ lotNo: Type.Integer(), name: Type.String(), creditCode: Str, priceFen: Type.Integer() }))),
    awardNoticeOn: Str,
    startingPriceFen: Type.Optional(Fen),
    terminationKind: Type.Optional(Type.Enum(['terminated', 'failed'])),
    reason: Str,
    refundArrangement: Str,
    contractNo: Str,
    signedOn: Str,
    contractAmountFen: Type.Optional(Type.Integer()),
    supplierName: Str,
  },
  { additionalProperties: false, description: '公告要素（随公告类型不同）' },
);

const NoticeListBody = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      type: Type.String(),
      category: Type.String(),
      method: Type.String(),
      center: Type.String({ description: '发布中心代码' }),
      projectId: Type.Integer(),
      publishedAt: Type.String({ format: 'date-time' }),
      amountFen: Fen,
      snippet: Type.String({ description: '正文中关键词附近的文字；无关键词时为摘要' }),
      url: Type.String(),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const NoticeBody = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  type: Type.String(),
  category: Type.String(),
  method: Type.String(),
  center: Type.String(),
  projectId: Type.Integer(),
  amendsNoticeId: Type.Union([Type.Integer(), Type.Null()]),
  amendedBy: Type.Array(Type.Integer(), { description: '变更本公告的变更公告' }),
  publishedAt: Type.String({ format: 'date-time' }),
  version: Type.Union([Type.Integer(), Type.Null()]),
  correctionNote: Type.Union([Type.String(), Type.Null()]),
  indexNo: Type.Union([Type.String(), Type.Null()]),
  publisher: Type.String(),
  amountFen: Fen,
  url: Type.String(),
  bodyHtml: Type.String(),
  facts: Type.Union([FactsBody, Type.Null()]),
  attachments: Type.Array(Type.Object({ name: Type.String(), size: Type.Integer(), sha256: Type.String(), url: Type.String() })),
});

const ProjectBody = Type.Object({
  id: Type.Integer(),
  code: Type.String({ description: '统一交易标识码（33 位）' }),
  codeDisplay: Type.String(),
  projectNo: Type.String(),
  name: Type.String(),
  category: Type.String(),
  method: Type.String(),
  region: Type.String(),
  center: Type.String(),
  tendererName: Type.String(),
  agentName: Type.String(),
  budgetFen: Fen,
  lots: Type.Array(Type.Object({ lotNo: Type.Integer(), name: Type.String(), budgetFen: Fen })),
  status: Type.String(),
  docSaleStart: Type.Union([Type.String(), Type.Null()]),
  docSaleEnd: Type.Union([Type.String(), Type.Null()]),
  bidDeadline: Type.Union([Type.String(), Type.Null()]),
  openingAt: Type.Union([Type.String(), Type.Null()]),
  openingPlace: Type.String(),
  awardAmountFen: Fen,
  awardedOn: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
  notices: Type.Array(
    Type.Object({ id: Type.Integer(), type: Type.String(), title: Type.String(), publishedAt: Type.String({ format: 'date-time' }), amendsNoticeId: Type.Union([Type.Integer(), Type.Null()]), facts: Type.Union([FactsBody, Type.Null()]) }),
  ),
});

function presentListItem(n: NoticeListItem, center: string, url: string) {
  return {
    id: n.id,
    title: n.title,
    type: n.type,
    category: n.category,
    method: n.method,
    center,
    projectId: n.projectId,
    publishedAt: n.publishedAt.toISOString(),
    amountFen: n.amountFen,
    snippet: n.snippet ? n.snippet.map((p) => p.text).join('') : n.summary,
    url,
  };
}

/**
 * The public facts of a notice: every field picked by name and type-checked, so a field added to the
 * stored facts later, or a value of the wrong shape, never leaves (or breaks the serializer).
 */
export function presentFacts(f: NoticeFacts | null) {
  if (!f) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const int = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);
  const fen = (v: unknown) => (v === null ? null : int(v));
  const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
  const list = <T,>(v: unknown, pick: (x: Record<string, unknown>) => T | null): T[] | undefined =>
    Array.isArray(v) ? v.flatMap((x: unknown) => (typeof x === 'object' && x !== null ? [pick(Object.fromEntries(Object.entries(x)))] : [])).filter((x): x is T => x !== null) : undefined;
  const contact = typeof f.contact === 'object' && f.contact !== null ? { name: str(f.contact.name) ?? '', phone: str(f.contact.phone) ?? '' } : undefined;
  return {
    type: f.type,
    lotNos: (Array.isArray(f.lotNos) ? f.lotNos : []).filter((n) => Number.isSafeInteger(n)),
    contact,
    docSaleStart: str(f.docSaleStart),
    docSaleEnd: str(f.docSaleEnd),
    bidDeadline: str(f.bidDeadline),
    openingAt: str(f.openingAt),
    openingPlace: str(f.openingPlace),
    depositFen: fen(f.depositFen),
    qualification: str(f.qualification),
    amendsNoticeId: int(f.amendsNoticeId),
    changeSummary: str(f.changeSummary),
    affectsPreparation: bool(f.affectsPreparation),
    newBidDeadline: str(f.newBidDeadline),
    newOpeningAt: str(f.newOpeningAt),
    evaluationReportOn: str(f.evaluationReportOn),
    publicityStart: str(f.publicityStart),
    publicityEnd: str(f.publicityEnd),
    candidates: list(f.candidates, (c) => {
      const lotNo = int(c.lotNo);
      const rank = int(c.rank);
      const name = str(c.name);
      return lotNo !== undefined && rank !== undefined && name !== undefined ? { lotNo, rank, name, creditCode: str(c.creditCode), priceFen: fen(c.priceFen) ?? null, projectManager: str(c.projectManager) } : null;
    }),
    objectionChannel: str(f.objectionChannel),
    winners: list(f.winners, (w) => {
      const lotNo = int(w.lotNo);
      const name = str(w.name);
      const priceFen = int(w.priceFen);
      return lotNo !== undefined && name !== undefined && priceFen !== undefined ? { lotNo, name, creditCode: str(w.creditCode), priceFen } : null;
    }),
    awardNoticeOn: str(f.awardNoticeOn),
    startingPriceFen: fen(f.startingPriceFen),
    terminationKind: f.terminationKind === 'terminated' || f.terminationKind === 'failed' ? f.terminationKind : undefined,
    reason: str(f.reason),
    refundArrangement: str(f.refundArrangement),
    contractNo: str(f.contractNo),
    signedOn: str(f.signedOn),
    contractAmountFen: int(f.contractAmountFen),
    supplierName: str(f.supplierName),
  };
}

function urlOf(tree: CenterTree, centerId: number, path: string): string {
  const center = tree.byId.get(centerId);
  return `${center ? basePathOf(center, tree.root.id) : ''}${path}`;
}

function limitOf(req: FastifyRequest, errors: FieldError[]): number {
  const raw: unknown = typeof req.query === 'object' && req.query !== null ? Reflect.get(req.query, 'limit') : undefined;
  if (raw === undefined || raw === '') return 20;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    errors.push({ field: 'limit', message: '每页条数：应为 1 到 100 之间的整数' });
    return 20;
  }
  return n;
}

function idOf(req: FastifyRequest, label: string): number {
  const raw: unknown = typeof req.params === 'object' && req.params !== null ? Reflect.get(req.params, 'id') : undefined;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 2_147_483_647) throw validationError([{ field: 'id', message: `${label}：应为正整数` }]);
  return n;
}
