import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import { cleanPlainText } from '../../content/sanitize.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound, validationError, type FieldError } from '../../platform/errors.ts';
import { insertOutboxEvent } from '../../publishing/outbox.repo.ts';
import { updateCenter } from '../centers.repo.ts';

export const SITE_FIELDS = {
  siteName: { label: '网站名称', max: 60, isRequired: true },
  hostUnit: { label: '主办单位', max: 60, isRequired: true },
  domain: { label: '网站域名', max: 100, isRequired: false },
  siteIdCode: { label: '网站标识码', max: 20, isRequired: false },
  icpNo: { label: 'ICP备案号', max: 40, isRequired: false },
  psbNo: { label: '公安机关备案号', max: 60, isRequired: false },
  logoText: { label: '标识文字', max: 8, isRequired: false },
  address: { label: '办公地址', max: 100, isRequired: false },
  phone: { label: '联系电话', max: 40, isRequired: false },
  fax: { label: '传真', max: 40, isRequired: false },
  email: { label: '电子邮箱', max: 100, isRequired: false },
  officeHours: { label: '办公时间', max: 100, isRequired: false },
} as const;
export type SiteField = keyof typeof SITE_FIELDS;

/** The center admin edits the portal's settings; every process's caches follow through the outbox. */
export async function updateSite(ctx: AppContext, opts: { centerId: number; raw: Record<string, unknown>; actor: Actor }): Promise<void> {
  const center = (await ctx.centers.get()).byId.get(opts.centerId);
  if (!center) throw notFound('中心');
  const errors: FieldError[] = [];
  const patch: Partial<Record<SiteField, string>> = {};
  for (const [key, spec] of Object.entries(SITE_FIELDS) as [SiteField, (typeof SITE_FIELDS)[SiteField]][]) {
    const v = cleanPlainText(typeof opts.raw[key] === 'string' ? opts.raw[key] : '');
    if (spec.isRequired && !v) errors.push({ field: key, message: `${spec.label}：不能为空` });
    else if (v.length > spec.max) errors.push({ field: key, message: `${spec.label}：不能超过 ${spec.max} 个字符` });
    patch[key] = v;
  }
  if (patch.domain && !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(patch.domain)) errors.push({ field: 'domain', message: '网站域名：格式不正确，例如 ggzy.hunan.gov.cn' });
  if (patch.siteIdCode && !/^[0-9A-Za-z]{4,20}$/.test(patch.siteIdCode)) errors.push({ field: 'siteIdCode', message: '网站标识码：只能是字母和数字' });
  if (patch.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(patch.email)) errors.push({ field: 'email', message: '电子邮箱：格式不正确' });
  if (errors.length > 0) throw validationError(errors);
  const before = Object.fromEntries(Object.keys(SITE_FIELDS).map((k) => [k, center[k as SiteField]]));
  await ctx.db.transaction(async (tx) => {
    await updateCenter(tx, center.id, { ...patch, domain: patch.domain || null });
    await insertOutboxEvent(tx, { event: 'center.changed', centerId: center.id, payload: { centerId: center.id } });
    await recordAudit(tx, opts.actor, { action: 'center.update_site', centerId: center.id, targetType: 'center', targetId: center.id, before, after: patch });
  });
  ctx.notifyOutbox();
}
