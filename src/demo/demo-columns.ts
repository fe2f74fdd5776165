import type { Column } from '../content/columns.repo.ts';
import { COLUMN_SLUGS, createStandardColumns, type ColumnSlug } from '../content/standard-columns.ts';
import type { Executor } from '../platform/db/client.ts';
import type { DemoCenter } from './demo-centers.ts';

/** Aggregating columns of the province show the cities' items too. */
const AGGREGATING_AT_PROVINCE: readonly ColumnSlug[] = ['news', 'notice'];

export { COLUMN_SLUGS, type ColumnSlug };

export type DemoColumns = Record<ColumnSlug, Column>;

export async function createDemoColumns(ex: Executor, demo: DemoCenter): Promise<DemoColumns> {
  const made = await createStandardColumns(ex, { centerId: demo.center.id, aggregating: demo.profile.level === 'province' ? AGGREGATING_AT_PROVINCE : [] });
  const get = (slug: ColumnSlug): Column => {
    const c = made.get(slug);
    if (!c) throw new Error(`column ${slug} missing`);
    return c;
  };
  return {
    news: get('news'),
    notice: get('notice'),
    policy: get('policy'),
    interpretation: get('interpretation'),
    finance: get('finance'),
    personnel: get('personnel'),
    guide: get('guide'),
    exposure: get('exposure'),
    'annual-report': get('annual-report'),
    org: get('org'),
    trading: get('trading'),
  };
}
