import type { FastifyInstance } from 'fastify';
import { countPublished, listPublished } from '../content/articles.repo.ts';
import { formatDate } from '../platform/dates.ts';
import { renderDocument } from '../platform/views/render.ts';
import { Pagination, PortalLayout } from '../platform/views/portal-layout.tsx';
import { isElderMode, servePage } from './portal.http.ts';
import { codeOf, pageParam, portalGet, type PortalDeps } from './portal.deps.ts';
import { getPortalSite } from './portal.service.ts';

const PAGE_SIZE = 30;

/** 政府信息公开指南 and 政府信息公开目录 (条例 第十二条). */
export function registerDisclosurePages(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/guide', async (req, reply) =>
    servePage(req, reply, {
      cache: deps.cache,
      render: async () => {
        const { center, site, nav, columns } = await getPortalSite(deps.ctx, codeOf(req));
        const categories = Array.from(new Set(columns.filter((c) => c.isInCatalog && c.catalogCategory).map((c) => c.catalogCategory)));
        return {
          body: renderDocument(
            <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} meta={{ title: '政府信息公开指南', url: `${site.basePath}/guide`, columnName: '政府信息公开指南', columnType: '信息公开指南' }}>
              <h1>{center.name}政府信息公开指南</h1>
              <p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。申请人可依本指南获取本中心公开的政府信息。</p>
              <h2>一、主动公开</h2>
              <p>（一）公开范围与分类：本中心主动公开的政府信息分为以下类别：{categories.join('、')}。具体内容见<a href={`${site.basePath}/catalog`}>政府信息公开目录</a>。</p>
              <p>（二）公开方式：本中心主要通过本网站（{site.siteName}）主动公开政府信息，并视情况通过政务新媒体、新闻发布会、报刊等方式公开。</p>
              <p>（三）公开时限：属于主动公开范围的政府信息，自该信息形成或者变更之日起 20 个工作日内予以公开。</p>
              <h2>二、依申请公开</h2>
              <p>公民、法人或者其他组织可以向本中心申请获取相关政府信息。申请应当采用书面形式（包括数据电文形式）；采用书面形式确有困难的，可以口头提出，由受理机构代为填写政府信息公开申请。</p>
              <p>本中心收到申请，能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内予以答复；需要延长答复期限的，经负责人同意并告知申请人，延长期限最长不超过 20 个工作日。</p>
              <p>
                <a href={`${site.basePath}/disclosure/apply`}>在线提交政府信息公开申请</a>　<a href={`${site.basePath}/disclosure/track`}>查询申请办理进度</a>
              </p>
              <h2>三、受理机构</h2>
              <dl class="facts">
                <div><dt>机构名称</dt><dd>{center.name}</dd></div>
                <div><dt>办公地址</dt><dd>{center.address}</dd></div>
                <div><dt>办公时间</dt><dd>{center.officeHours}</dd></div>
                <div><dt>联系电话</dt><dd>{center.phone}</dd></div>
                {center.fax ? <div><dt>传真</dt><dd>{center.fax}</dd></div> : null}
                {center.email ? <div><dt>电子邮箱</dt><dd>{center.email}</dd></div> : null}
              </dl>
              <h2>四、监督和救济</h2>
              <p>公民、法人或者其他组织认为本中心在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>
            </PortalLayout>,
          ),
        };
      },
    }),
  );

  portalGet(app, '/catalog', async (req, reply) =>
    servePage(req, reply, {
      cache: deps.cache,
      render: async () => {
        const { site, nav, columns } = await getPortalSite(deps.ctx, codeOf(req));
        const q = req.query as { category?: string; page?: string };
        const page = pageParam(q.page);
        const inCatalog = columns.filter((c) => c.isInCatalog);
        const categories = Array.from(new Set(inCatalog.map((c) => c.catalogCategory || c.name)));
        const category = categories.includes(q.category ?? '') ? (q.category ?? '') : '';
        const scope = inCatalog.filter((c) => !category || (c.catalogCategory || c.name) === category);
        const byId = new Map(scope.map((c) => [c.id, c]));
        const now = deps.ctx.clock();
        const ids = scope.map((c) => c.id);
        const [items, total] = await Promise.all([listPublished(deps.ctx.db, { columnIds: ids, now, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), countPublished(deps.ctx.db, { columnIds: ids, now })]);
        const href = (p: number, c = category) => {
          const qs = new URLSearchParams({ ...(c ? { category: c } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString();
          return `${site.basePath}/catalog${qs ? `?${qs}` : ''}`;
        };
        return {
          body: renderDocument(
            <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} meta={{ title: '政府信息公开目录', url: href(page), columnName: '政府信息公开目录', columnType: '信息公开目录' }}>
              <h1>政府信息公开目录</h1>
              <nav aria-label="目录分类" class="chips-nav">
                <ul class="chips">
                  <li>
                    <a href={href(1, '')} aria-current={category === '' ? 'page' : undefined}>全部</a>
                  </li>
                  {categories.map((c) => (
                    <li key={c}>
                      <a href={href(1, c)} aria-current={category === c ? 'page' : undefined}>{c}</a>
                    </li>
                  ))}
                </ul>
              </nav>
              <p class="muted">共 {total} 条</p>
              <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
                <table class="catalog">
                  <caption class="sr-only">政府信息公开目录{category ? `：${category}` : ''}</caption>
                  <thead>
                    <tr>
                      <th scope="col">索引号</th>
                      <th scope="col">名称</th>
                      <th scope="col">类别</th>
                      <th scope="col">发布机构</th>
                      <th scope="col">生成日期</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((a) => (
                      <tr key={a.id}>
                        <td>{a.indexNo}</td>
                        <td>
                          <a href={`${site.basePath}/art/${a.id}`}>{a.title}</a>
                        </td>
                        <td>{byId.get(a.columnId)?.catalogCategory ?? ''}</td>
                        <td>{a.publisher}</td>
                        <td>{a.formedOn ?? (a.publishedAt ? formatDate(a.publishedAt) : '')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={page} pageCount={Math.ceil(total / PAGE_SIZE)} href={(p) => href(p)} />
            </PortalLayout>,
          ),
        };
      },
    }),
  );
}
