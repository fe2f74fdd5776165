import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import type { ColumnFacts } from './column-health.ts';

/**
 * Each column of a center with its published items and the last publication. An aggregating column (a
 * province column listing its cities') counts the items of the same column in the descendant centers too.
 */
export async function listColumnFacts(ex: Executor, centerId: number, descendantIds: number[]): Promise<ColumnFacts[]> {
  const ids = [centerId, ...descendantIds];
  const result = (await ex.execute(sql`
    with own as (
      select c.id, c.name, c.kind, c.slug, c.is_aggregating, c.sort_order from site_column c where c.center_id = ${centerId}
    ), stats as (
      select c.center_id, c.slug, count(a.id)::int as published, max(a.published_at) as last_at
      from site_column c left join article a on a.column_id = c.id and a.status = 'published'
      where c.center_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
      group by c.center_id, c.slug
    )
    select o.id, o.name, o.kind,
      coalesce(sum(s.published), 0)::int as published, max(s.last_at) as last_at
    from own o join stats s on s.slug = o.slug and (s.center_id = ${centerId} or o.is_aggregating)
    group by o.id, o.name, o.kind, o.sort_order
    order by o.sort_order, o.id`)) as unknown as { rows: { id: number; name: string; kind: string; published: number; last_at: string | Date | null }[] };
  return result.rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, published: Number(r.published), lastPublishedAt: r.last_at ? new Date(r.last_at) : null }));
}
