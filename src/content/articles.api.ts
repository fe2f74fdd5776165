import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { findArticle, findAttachments, findRevision } from '../content/articles.repo.ts';
import { findColumn } from './columns.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { basePathOf } from '../portal/portal.service.ts';
import { parseSearchParams, searchArticles } from '../portal/search.service.ts';

const ErrorBody = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), requestId: Type.String() }) });

/** Public JSON API over published government information (presenters pick the public fields). */
export function registerPublicApi(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/articles',
    {
      schema: {
        summary: '搜索已发布的政府信息',
        tags: ['政务公开'],
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 100 }),
          center: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,20}$' })),
          column: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,60}$' })),
          from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
          to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
          sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('date')])),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), center: Type.String(), column: Type.String(), publisher: Type.String(), indexNo: Type.Union([Type.String(), Type.Null()]), publishedAt: Type.Union([Type.String(), Type.Null()]), url: Type.String(), snippet: Type.String() })),
            total: Type.Integer({ description: '匹配条数；totalIsLowerBound 为 true 时表示“至少这么多”' }),
            totalIsLowerBound: Type.Boolean(),
          }),
          400: ErrorBody,
        },
      },
    },
    async (req) => {
      const query = req.query as Record<string, unknown>;
      const tree = await ctx.centers.get();
      const center = typeof query.center === 'string' ? tree.byCode.get(query.center) : tree.root;
      if (!center) throw notFound('中心');
      const p = parseSearchParams(query);
      const result = await searchArticles(ctx, center, p);
      if (result.errors.length > 0) throw new AppError('VALIDATION_FAILED', { userMessage: result.errors[0]?.message ?? '参数有误', fields: result.errors });
      return {
        total: result.total,
        totalIsLowerBound: result.isTotalCapped,
        items: result.hits.map((h) => {
          const c = tree.byId.get(h.centerId);
          return { id: h.id, title: h.title, center: c?.code ?? '', column: h.columnSlug, publisher: h.publisher, indexNo: h.indexNo, publishedAt: h.publishedAt?.toISOString() ?? null, url: `${c ? basePathOf(c, tree.root.id) : ''}/art/${h.id}`, snippet: h.snippet.map((s) => s.text).join('') };
        }),
      };
    },
  );

  app.get(
    '/api/v1/articles/:id',
    { schema: { summary: '一条已发布的政府信息', tags: ['政务公开'], params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }), response: { 404: ErrorBody } } },
    async (req) => {
      const { id } = req.params as { id: number };
      const article = await findArticle(ctx.db, id);
      if (!article || article.status !== 'published' || !article.publishedRevisionId) throw notFound('信息');
      const [rev, column, tree] = await Promise.all([findRevision(ctx.db, article.publishedRevisionId), findColumn(ctx.db, article.columnId), ctx.centers.get()]);
      if (!rev) throw notFound('信息');
      const attachments = await findAttachments(ctx.db, rev.attachmentIds);
      return {
        id: article.id,
        title: rev.title,
        center: tree.byId.get(article.centerId)?.code ?? '',
        column: column?.slug ?? '',
        indexNo: article.indexNo,
        publisher: article.publisher,
        publishedAt: article.publishedAt?.toISOString() ?? null,
        version: rev.publishedVersionNo,
        correctionNote: rev.correctionNote,
        summary: rev.summary,
        bodyHtml: rev.bodyHtml,
        fields: rev.fields,
        contentSha256: rev.contentHash,
        attachments: attachments.map((a) => ({ name: a.originalName, size: a.sizeBytes, sha256: a.sha256, url: `/files/${a.id}/${encodeURIComponent(a.safeName)}` })),
      };
    },
  );
}
