import type { FastifyInstance } from 'fastify';
import { formatDate, formatDateTime, parseDateOnly } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import { renderDocument } from '../platform/views/render.ts';
import { portalGet, type PortalDeps } from '../portal/portal.deps.ts';
import { servePage } from '../portal/portal.http.ts';
import { formatDealCode } from './deal-code.ts';
import { listOpenings, type OpeningItem } from './notices.query.ts';
import { addDays, categoryLabel, cnDay, loadTradingPortal, mondayOf, projectHref, statusLabel, TradingLayout, weekdayOf, type TradingPortal } from './trading-parts.portal.tsx';

/** /trading/calendar — 开标安排: the openings of a week (?week=, any day of it) or of one day (?day=), Beijing time. */
export function registerOpeningCalendar(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/trading/calendar', async (req, reply) =>
    servePage(req, reply, {
      cache: deps.cache,
      render: async () => {
        const portal = await loadTradingPortal(deps, req);
        const errors: FieldError[] = [];
        const dateParam = (key: 'week' | 'day', label: string): string | null => {
          const raw: unknown = typeof req.query === 'object' && req.query !== null ? Reflect.get(req.query, key) : undefined;
          if (raw === undefined || raw === '') return null;
          const day = typeof raw === 'string' ? parseDateOnly(raw) : null;
          if (!day) errors.push({ field: key, message: `${label}：不是有效日期（YYYY-MM-DD）` });
          return day;
        };
        const week = dateParam('week', '周');
        const day = dateParam('day', '日期');
        const today = formatDate(deps.ctx.clock());
        const from = day ?? mondayOf(week ?? today);
        const to = day ?? addDays(from, 6);
        const openings = errors.length > 0 ? [] : await listOpenings(deps.ctx.db, { centerIds: portal.center.id === portal.tree.root.id ? undefined : portal.tree.subtreeIds(portal.center.id), fromDate: from, toDate: to, now: deps.ctx.clock() });
        return { status: errors.length > 0 ? 400 : 200, body: renderDocument(<CalendarPage portal={portal} errors={errors} from={from} to={to} isDay={day !== null} today={today} openings={openings} />) };
      },
    }),
  );
}

function CalendarPage(props: { portal: TradingPortal; errors: FieldError[]; from: string; to: string; isDay: boolean; today: string; openings: OpeningItem[] }) {
  const { portal, from, to, isDay } = props;
  const base = portal.site.basePath;
  const href = (key: 'week' | 'day', d: string) => `${base}/trading/calendar?${key}=${d}`;
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const byDay = new Map<string, OpeningItem[]>();
  for (const o of props.openings) {
    const d = formatDate(o.openingAt);
    byDay.set(d, [...(byDay.get(d) ?? []), o]);
  }
  const title = isDay ? `开标安排：${cnDay(from)}` : `开标安排：${cnDay(from)}—${cnDay(to)}`;
  return (
    <TradingLayout portal={portal} meta={{ title, url: isDay ? href('day', from) : href('week', from) }} crumbs={[{ href: `${base}/trading`, label: '交易信息' }, { label: '开标安排' }]}>
      <h1>{title}</h1>
      {props.errors.length > 0 ? (
        <div class="error-summary" role="alert">
          <ul>
            {props.errors.map((e) => (
              <li key={e.field}>{e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <nav class="calendar-nav" aria-label="切换日期">
        {isDay ? (
          <>
            <a href={href('day', addDays(from, -1))} rel="prev">前一天</a>
            <a href={href('week', mondayOf(from))}>本周全部</a>
            <a href={href('day', addDays(from, 1))} rel="next">后一天</a>
          </>
        ) : (
          <>
            <a href={href('week', addDays(from, -7))} rel="prev">上一周</a>
            <a href={href('week', mondayOf(props.today))}>本周</a>
            <a href={href('week', addDays(from, 7))} rel="next">下一周</a>
          </>
        )}
      </nav>
      <p class="muted">时间均为北京时间。开标时间以最新发布的招标公告或变更公告为准。</p>
      {props.errors.length > 0
        ? null
        : days.map((d) => {
            const items = byDay.get(d) ?? [];
            const headingId = `d-${d}`;
            return (
              <section key={d} class={d === props.today ? 'calendar-day today-mark' : 'calendar-day'} aria-labelledby={headingId}>
                <h2 id={headingId}>
                  {isDay ? `${cnDay(d)} ${weekdayOf(d)}` : <a href={href('day', d)}>{`${cnDay(d)} ${weekdayOf(d)}`}</a>}
                  {d === props.today ? <span class="tag">今天</span> : null}
                </h2>
                {items.length === 0 ? (
                  <p class="muted">无开标安排</p>
                ) : (
                  <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
                    <table class="data-table calendar-table">
                      <caption class="sr-only">{`${cnDay(d)}开标项目`}</caption>
                      <thead>
                        <tr>
                          <th scope="col">开标时间</th>
                          <th scope="col">项目名称</th>
                          <th scope="col">统一交易标识码</th>
                          <th scope="col">交易类别</th>
                          <th scope="col">开标地点</th>
                        </tr>
                      </thead>
                      <tbody>
                        {items.map((o) => (
                          <tr key={o.projectId}>
                            <td>
                              <time dateTime={o.openingAt.toISOString()}>{formatDateTime(o.openingAt).slice(11)}</time>
                            </td>
                            <td>
                              <a href={projectHref(base, o.projectId)}>{o.name}</a>
                              {o.status === 'terminated' || o.status === 'failed' ? <span class="tag">{statusLabel(o.status)}</span> : null}
                              <span class="muted cal-center">{portal.tree.byId.get(o.centerId)?.name ?? ''}</span>
                            </td>
                            <td class="break">{formatDealCode(o.code)}</td>
                            <td>{categoryLabel(o.category)}</td>
                            <td>{o.openingPlace || '—'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            );
          })}
    </TradingLayout>
  );
}
