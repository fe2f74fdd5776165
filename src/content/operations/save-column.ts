import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { validationError, type FieldError } from '../../platform/errors.ts';
import { insertOutboxEvent } from '../../publishing/outbox.repo.ts';
import { findColumnBySlug, insertColumn, listColumnsOfCenters, type Column } from '../columns.repo.ts';
import { cleanPlainText } from '../sanitize.ts';

export const COLUMN_KINDS: Record<string, string> = {
  news: '工作动态',
  notice: '通知公告',
  policy: '政策文件',
  interpretation: '政策解读',
  finance: '财务公开',
  personnel: '人事信息',
  service_guide: '办事指南',
  exposure: '曝光台',
  annual_report: '年度报告',
  general: '其他',
};

/** Adds a column to a center's tree. Slugs are stable URL parts: lower-case letters, digits and hyphens. */
export async function createColumn(ctx: AppContext, opts: { centerId: number; raw: Record<string, unknown>; actor: Actor }): Promise<Column> {
  const s = (k: string) => cleanPlainText(typeof opts.raw[k] === 'string' ? opts.raw[k] : '');
  const slug = s('slug').toLowerCase();
  const name = s('name');
  const kind = s('kind');
  const parentId = Number(s('parentId')) || null;
  const errors: FieldError[] = [];
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(slug)) errors.push({ field: 'slug', message: '栏目标识：须为 2–40 位小写字母、数字或连字符，以字母开头' });
  else if (await findColumnBySlug(ctx.db, opts.centerId, slug)) errors.push({ field: 'slug', message: '栏目标识：本中心已有同名标识' });
  if (!name || name.length > 30) errors.push({ field: 'name', message: '栏目名称：须为 1–30 个字' });
  if (!COLUMN_KINDS[kind]) errors.push({ field: 'kind', message: '栏目类型：请选择' });
  const siblings = await listColumnsOfCenters(ctx.db, [opts.centerId]);
  if (parentId !== null && !siblings.some((c) => c.id === parentId)) errors.push({ field: 'parentId', message: '上级栏目：须为本中心的栏目' });
  if (errors.length > 0) throw validationError(errors);
  return ctx.db.transaction(async (tx) => {
    const column = await insertColumn(tx, {
      centerId: opts.centerId,
      parentId,
      slug,
      name,
      kind,
      columnType: s('columnType').slice(0, 20) || COLUMN_KINDS[kind] || '信息公开',
      description: s('description').slice(0, 200),
      catalogCategory: s('catalogCategory').slice(0, 30) || name,
      sortOrder: siblings.length + 1,
    });
    await insertOutboxEvent(tx, { event: 'center.changed', centerId: opts.centerId, payload: { columnId: column.id } });
    await recordAudit(tx, opts.actor, { action: 'column.create', centerId: opts.centerId, targetType: 'column', targetId: column.id, after: { slug, name, kind } });
    return column;
  });
}
