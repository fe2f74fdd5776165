import type { ComponentChildren } from 'preact';
import type { FastifyRequest } from 'fastify';
import type { CenterTree } from '../centers/centers.service.ts';
import { formatDate, formatDateTime } from '../platform/dates.ts';
import type { SnippetPart } from '../platform/search/snippet.ts';
import { PortalLayout, type PageMeta } from '../platform/views/portal-layout.tsx';
import { codeOf, type PortalDeps } from '../portal/portal.deps.ts';
import { isElderMode } from '../portal/portal.http.ts';
import { getPortalSite, type PortalSite } from '../portal/portal.service.ts';
import { CATEGORY_LABELS, METHOD_LABELS, NOTICE_TYPE_LABELS, NOTICE_TYPE_SHORT, PROJECT_STATUS_LABELS } from './trading.model.ts';

/** Shared pieces of the bidders' portal pages (交易信息). */

export type TradingPortal = PortalSite & { tree: CenterTree; isElder: boolean };

export async function loadTradingPortal(deps: PortalDeps, req: FastifyRequest): Promise<TradingPortal> {
  const [portal, tree] = await Promise.all([getPortalSite(deps.ctx, codeOf(req)), deps.ctx.centers.get()]);
  return { ...portal, tree, isElder: isElderMode(req) };
}

/** Whether a center's item may be shown on this portal (the portal's center or one below it). */
export function isInPortal(p: TradingPortal, centerId: number): boolean {
  return p.tree.subtreeIds(p.center.id).includes(centerId);
}

/** The portal layout with the trading styles. The stylesheet link sits in the body (allowed for rel=stylesheet) until the layout takes extra styles. */
export function TradingLayout(props: { portal: TradingPortal; meta: Omit<PageMeta, 'columnName' | 'columnType'> & { columnName?: string }; crumbs: { href?: string; label: string }[]; children: ComponentChildren }) {
  const { portal } = props;
  const hasTradingColumn = portal.nav.some((c) => c.slug === 'trading');
  return (
    <PortalLayout site={portal.site} nav={portal.nav} isElder={portal.isElder} currentSlug={hasTradingColumn ? 'trading' : undefined} meta={{ columnName: '交易信息', columnType: '信息公开', ...props.meta }}>
      <link rel="stylesheet" href="/static/trading.css" />
      <nav class="breadcrumb" aria-label="当前位置">
        <a href={`${portal.site.basePath}/`}>首页</a>
        {props.crumbs.map((c, i) => (
          <span key={i}>
            {' › '}
            {c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
          </span>
        ))}
      </nav>
      {props.children}
    </PortalLayout>
  );
}

export function labelOf(labels: Record<string, string>, key: string): string {
  return Object.entries(labels).find(([k]) => k === key)?.[1] ?? key;
}

export const categoryLabel = (c: string) => labelOf(CATEGORY_LABELS, c);
export const methodLabel = (m: string) => labelOf(METHOD_LABELS, m);
export const typeShort = (t: string) => labelOf(NOTICE_TYPE_SHORT, t);
export const typeLabel = (t: string) => labelOf(NOTICE_TYPE_LABELS, t);
export const statusLabel = (s: string) => labelOf(PROJECT_STATUS_LABELS, s);

/** The notice type as a badge: the text says it, the colour only repeats it. */
export function TypeBadge(props: { type: string }) {
  return <span class={`notice-badge badge-${props.type.replace(/[^a-z_]/g, '')}`}>{typeShort(props.type)}</span>;
}

export function Highlighted(props: { parts: SnippetPart[] }) {
  return <>{props.parts.map((part, i) => (part.isHit ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

export function Time(props: { at: Date | null | undefined; withTime?: boolean }) {
  if (!props.at || Number.isNaN(props.at.getTime())) return <>—</>;
  return <time dateTime={props.at.toISOString()}>{props.withTime === false ? formatDate(props.at) : formatDateTime(props.at)}</time>;
}

/** An instant stored as an ISO string in notice facts, shown in Beijing time. */
export function instantOf(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function noticeHref(basePath: string, id: number): string {
  return `${basePath}/trading/notices/${id}`;
}

export function projectHref(basePath: string, id: number): string {
  return `${basePath}/trading/projects/${id}`;
}

/** A positive id from a route parameter, or null (the page then answers 404). */
export function idParam(req: FastifyRequest): number | null {
  const raw: unknown = typeof req.params === 'object' && req.params !== null ? Reflect.get(req.params, 'id') : undefined;
  if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 && id <= 2_147_483_647 ? id : null;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function utcOf(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** A calendar date (YYYY-MM-DD) moved by n days. */
export function addDays(day: string, n: number): string {
  return new Date(utcOf(day).getTime() + n * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of the week a date falls in. */
export function mondayOf(day: string): string {
  return addDays(day, -((utcOf(day).getUTCDay() + 6) % 7));
}

export function weekdayOf(day: string): string {
  return WEEKDAYS[utcOf(day).getUTCDay()] ?? '';
}

/** 2026年3月2日 */
export function cnDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
