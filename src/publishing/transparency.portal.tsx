import type { FastifyInstance } from 'fastify';
import { asc, gt } from 'drizzle-orm';
import { Type } from 'typebox';
import { formatDateTime } from '../platform/dates.ts';
import { renderDocument } from '../platform/views/render.ts';
import { PortalLayout } from '../platform/views/portal-layout.tsx';
import { isElderMode } from '../portal/portal.http.ts';
import type { PortalDeps } from '../portal/portal.deps.ts';
import { getPortalSite } from '../portal/portal.service.ts';
import { listLogEntriesOfItem, verifyLeaf } from './publication-log.ts';
import { publicationLog } from './publishing.tables.ts';

/**
 * The public publication log: every publish, correction, withdrawal with its leaf and hash, so anyone
 * can recompute the hashes and mirror the log (a Merkle checkpoint over it is the next step).
 */
export function registerTransparency(app: FastifyInstance, deps: PortalDeps): void {
  app.get('/transparency', { schema: { hide: true } }, async (req, reply) => {
    const { site, nav } = await getPortalSite(deps.ctx, null);
    const item = /^article:(\d{1,9})$/.exec(String((req.query as { item?: string }).item ?? ''));
    const entries = item ? await listLogEntriesOfItem(deps.ctx.db, 'article', Number(item[1])) : [];
    return reply.type('text/html; charset=utf-8').send(
      renderDocument(
        <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} meta={{ title: '发布记录校验', url: '/transparency', columnName: '发布记录校验', columnType: '其他' }}>
          <h1>发布记录校验</h1>
          <p>本站每一次发布、更正、撤稿都写入只可追加的发布记录。每条记录含内容指纹（SHA-256）和上一条记录的哈希，任何人都可以下载全部记录（<a href="/api/v1/transparency/entries">接口</a>）自行复核，发现已发布内容被悄悄修改或删除。</p>
          {entries.length > 0 ? (
            <ol>
              {entries.map((e) => (
                <li key={e.seq}>
                  #{e.seq} {formatDateTime(e.createdAt)} {e.action} — 叶子哈希 <code class="break">{e.leafHash}</code> — {verifyLeaf(e) ? '校验通过' : '校验失败'}
                  <pre class="leaf">{JSON.stringify(e.leaf, null, 1)}</pre>
                </li>
              ))}
            </ol>
          ) : (
            <p>请从信息页面底部的“校验”链接进入，查看该条信息的发布记录。</p>
          )}
        </PortalLayout>,
      ),
    );
  });

  app.get(
    '/api/v1/transparency/entries',
    { schema: { summary: '发布记录（只可追加）', tags: ['防篡改'], querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }) } },
    async (req) => {
      const q = req.query as { after?: number; limit?: number };
      const rows = await deps.ctx.db
        .select()
        .from(publicationLog)
        .where(gt(publicationLog.seq, q.after ?? 0))
        .orderBy(asc(publicationLog.seq))
        .limit(q.limit ?? 200);
      return { items: rows.map((r) => ({ seq: r.seq, leaf: r.leaf, leafHash: r.leafHash })) };
    },
  );
}
