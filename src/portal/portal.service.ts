import type { Center } from '../centers/centers.repo.ts';
import { listColumnsOfCenters, type Column } from '../content/columns.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import type { NavColumn, SiteInfo } from '../platform/views/portal-layout.tsx';

export type PortalSite = { center: Center; site: SiteInfo; nav: NavColumn[]; columns: Column[] };

/** The root center's portal lives at "/", every other center's under /c/{code}. */
export function basePathOf(center: Center, rootId: number): string {
  return center.id === rootId ? '' : `/c/${center.code}`;
}

export async function getPortalSite(ctx: AppContext, code: string | null): Promise<PortalSite> {
  const tree = await ctx.centers.get();
  const center = code === null ? tree.root : tree.byCode.get(code);
  if (!center || !center.isActive) throw notFound('站点');
  const columns = await listColumnsOfCenters(ctx.db, [center.id]);
  return {
    center,
    columns,
    site: {
      code: center.code,
      name: center.name,
      siteName: center.siteName,
      domain: center.domain ?? '',
      hostUnit: center.hostUnit,
      icpNo: center.icpNo,
      psbNo: center.psbNo,
      siteIdCode: center.siteIdCode,
      logoText: center.logoText,
      address: center.address,
      phone: center.phone,
      basePath: basePathOf(center, tree.root.id),
    },
    nav: columns.filter((c) => c.parentId === null).map((c) => ({ slug: c.slug, name: c.name, ...(c.kind === 'trading' ? { path: '/trading' } : {}) })),
  };
}

/**
 * The columns whose articles a column page lists: itself, plus the same column (by slug) of every
 * descendant center when the column aggregates (a province's 通知公告 covers its cities).
 */
export async function columnScope(ctx: AppContext, center: Center, column: Column): Promise<number[]> {
  if (!column.isAggregating) return [column.id];
  const tree = await ctx.centers.get();
  const descendants = tree.subtreeIds(center.id);
  const all = await listColumnsOfCenters(ctx.db, descendants);
  return all.filter((c) => c.slug === column.slug).map((c) => c.id);
}

/** Every column a center's search covers: its own and its descendants'. */
export async function searchScope(ctx: AppContext, center: Center, slug?: string): Promise<Column[]> {
  const tree = await ctx.centers.get();
  const all = await listColumnsOfCenters(ctx.db, tree.subtreeIds(center.id));
  return slug ? all.filter((c) => c.slug === slug) : all;
}
