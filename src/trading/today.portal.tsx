import type { Center } from '../centers/centers.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { basePathOf } from '../portal/portal.service.ts';
import { listNotices, listTodayNotices, type NoticeListItem } from './notices.query.ts';
import { categoryLabel, noticeHref, Time, typeShort } from './trading-parts.portal.tsx';

/** `isLatest`: nothing was published today (a weekend, a holiday), so the newest notices are shown instead. */
export type TodayNoticesData = { items: (NoticeListItem & { centerName: string })[]; basePath: string; isSubtree: boolean; isLatest: boolean };

export const TODAY_LIMIT = 10;

/** The notices a center's portal published today (its own and its descendants'), for the home page. */
export async function loadTodayNotices(ctx: AppContext, center: Center): Promise<TodayNoticesData> {
  const tree = await ctx.centers.get();
  const ids = tree.subtreeIds(center.id);
  const centerIds = center.id === tree.root.id ? undefined : ids;
  const today = await listTodayNotices(ctx.db, { centerIds, now: ctx.clock(), limit: TODAY_LIMIT });
  const items = today.length > 0 ? today : (await listNotices(ctx.db, { centerIds, sort: 'date', limit: TODAY_LIMIT, now: ctx.clock() })).items;
  return { items: items.map((n) => ({ ...n, centerName: tree.byId.get(n.centerId)?.name ?? '' })), basePath: basePathOf(center, tree.root.id), isSubtree: ids.length > 1, isLatest: today.length === 0 };
}

/** 今日标讯: the block that opens the home page. Uses the site stylesheet's classes only. */
export function TodayNotices(props: { data: TodayNoticesData }) {
  const { items, basePath } = props.data;
  return (
    <section class="today" aria-labelledby="today-title">
      <h2 id="today-title">今日标讯</h2>
      {props.data.isLatest ? <p class="muted">今日暂无新发布的交易公告，以下是最近发布的公告。</p> : null}
      {items.length === 0 ? null : (
        <ul class="list">
          {items.map((n) => (
            <li key={n.id}>
              <a href={noticeHref(basePath, n.id)}>
                <span class="tag">{typeShort(n.type)}</span>
                {n.title}
              </a>
              <span class="muted">
                {categoryLabel(n.category)}
                {props.data.isSubtree ? ` · ${n.centerName}` : ''} · <Time at={n.publishedAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <a class="more" href={`${basePath}/trading`}>
        全部交易信息
      </a>{' '}
      · <a href={`${basePath}/trading/calendar`}>开标安排</a>
    </section>
  );
}
