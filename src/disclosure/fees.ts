/**
 * 信息处理费 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号 第三条至第五条): charged progressively on
 * the excess, either per application (按件) or per page (按量) — one standard per application, never both.
 * Amounts in fen.
 *
 * - 按件: the same applicant's applications in one natural month: the first 10 are free, the 11th–30th cost
 *   100 元 each, and from the 31st every further block of 10 costs 100 元 more per application (31–40: 200 元,
 *   41–50: 300 元 …). The banding from the 31st is our reading of "以10件为一档，每增加一档，收费标准提高100元/件"
 *   (reference/disclosure-law.md §1.3 marks it to confirm).
 * - 按量: pages of one application: ≤ 30 free; 31–100: 10 元 a page; 101–200: 20 元 a page; from 201: 40 元 a page.
 */

export type Tariff = 'per_application' | 'per_page';
export const TARIFF_LABELS: Record<Tariff, string> = { per_application: '按件计收', per_page: '按量计收' };

/** The fee of the n-th application of one applicant in a natural month (n ≥ 1). */
export function perApplicationFeeFen(nthInMonth: number): number {
  const n = Math.trunc(nthInMonth);
  if (n <= 10) return 0;
  if (n <= 30) return 100_00;
  return (200 + 100 * Math.floor((n - 31) / 10)) * 100;
}

/** The fee of one application of `pages` pages (electronic data converted to A4 page equivalents). */
export function perPageFeeFen(pages: number): number {
  const p = Math.max(0, Math.trunc(pages));
  const band = (from: number, to: number, yuan: number) => Math.max(0, Math.min(p, to) - from) * yuan * 100;
  return band(30, 100, 10) + band(100, 200, 20) + band(200, Number.POSITIVE_INFINITY, 40);
}

export function feeFen(tariff: Tariff, o: { nthInMonth: number; pages: number }): number {
  return tariff === 'per_application' ? perApplicationFeeFen(o.nthInMonth) : perPageFeeFen(o.pages);
}

/** How the amount was reached, for the fee notice (收费通知: 依据、标准、数额). */
export function feeBasis(tariff: Tariff, o: { nthInMonth: number; pages: number }): string {
  if (tariff === 'per_application') return `按件计收：本申请为申请人本自然月内第 ${o.nthInMonth} 件申请（10 件以内免费，第 11 至 30 件每件 100 元，第 31 件起每 10 件为一档、每档每件提高 100 元）。`;
  return `按量计收：本申请所需信息共 ${o.pages} 页（30 页以内免费，第 31 至 100 页每页 10 元，第 101 至 200 页每页 20 元，第 201 页起每页 40 元）。`;
}

export function formatYuan(fen: number): string {
  return `${(fen / 100).toFixed(2)} 元`;
}
