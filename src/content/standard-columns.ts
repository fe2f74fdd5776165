import type { Executor } from '../platform/db/client.ts';
import { insertColumn, type Column } from './columns.repo.ts';

export const COLUMN_SLUGS = ['news', 'notice', 'policy', 'interpretation', 'finance', 'personnel', 'guide', 'exposure', 'annual-report', 'org', 'trading'] as const;
export type ColumnSlug = (typeof COLUMN_SLUGS)[number];

type ColumnSpec = { name: string; kind: string; columnType: string; catalogCategory: string; description: string };

/** The column tree every demo center gets, in display order. */
export const COLUMN_SPECS: Record<ColumnSlug, ColumnSpec> = {
  news: { name: '工作动态', kind: 'news', columnType: '动态', catalogCategory: '工作动态', description: '中心重要会议、重点工作推进、党建和作风建设等工作动态。' },
  notice: { name: '通知公告', kind: 'notice', columnType: '通知公告', catalogCategory: '通知公告', description: '面向市场主体和社会公众发布的通知、公告和交易服务安排。' },
  policy: { name: '政策文件', kind: 'policy', columnType: '政策文件', catalogCategory: '政策文件', description: '公共资源交易领域的法律法规、规章和规范性文件，标注文号与效力状态。' },
  interpretation: { name: '政策解读', kind: 'interpretation', columnType: '解读回应', catalogCategory: '政策解读', description: '对本中心发布或转发的政策文件的解读，每篇解读均关联所解读的文件。' },
  finance: { name: '财务公开', kind: 'finance', columnType: '信息公开', catalogCategory: '财政信息', description: '部门预算、决算、“三公”经费和政府采购意向等财政信息。' },
  personnel: { name: '人事信息', kind: 'personnel', columnType: '信息公开', catalogCategory: '人事信息', description: '公开招聘、拟聘用人员公示、干部任前公示等人事信息。' },
  guide: { name: '办事指南', kind: 'service_guide', columnType: '办事服务', catalogCategory: '办事服务', description: '进场登记、保证金退还、主体入库等事项的办理依据、条件、材料、地点、时间和流程。' },
  exposure: { name: '曝光台', kind: 'exposure', columnType: '信息公开', catalogCategory: '监督检查', description: '对代理机构、评标专家、投标人等市场主体违法违规行为的处理情况予以曝光。' },
  'annual-report': { name: '年度报告', kind: 'annual_report', columnType: '信息公开', catalogCategory: '年度报告', description: '政府信息公开工作年度报告。' },
  trading: { name: '交易信息', kind: 'trading', columnType: '信息公开', catalogCategory: '交易信息', description: '工程建设、政府采购、土地矿业权、国有产权和医药采购的招标公告、变更公告、中标候选人公示、结果公告和合同公告。' },
  org: { name: '机构概况', kind: 'general', columnType: '信息公开', catalogCategory: '机构职能', description: '中心简介、主要职责和内设机构。' },
};

/** Creates the standard column tree for a new center, in display order. */
export async function createStandardColumns(ex: Executor, opts: { centerId: number; aggregating: readonly ColumnSlug[] }): Promise<Map<ColumnSlug, Column>> {
  const made = new Map<ColumnSlug, Column>();
  for (const [i, slug] of COLUMN_SLUGS.entries()) {
    const spec = COLUMN_SPECS[slug];
    made.set(
      slug,
      await insertColumn(ex, {
        centerId: opts.centerId,
        slug,
        name: spec.name,
        kind: spec.kind,
        columnType: spec.columnType,
        description: spec.description,
        sortOrder: (i + 1) * 10,
        isAggregating: opts.aggregating.includes(slug),
        catalogCategory: spec.catalogCategory,
      }),
    );
  }
  return made;
}
