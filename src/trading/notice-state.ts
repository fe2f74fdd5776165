/** How a notice's state reads in the back office. */
export const INSPECTION_LABELS: Record<string, string> = { none: '—', pending: '待巡查', passed: '巡查通过', correction_requested: '要求更正', withdrawn: '已撤回' };

export function noticeStateLabel(n: { status: string; reviewState: string; pendingCorrection: boolean }): string {
  if (n.status === 'withdrawn') return '已撤回';
  if (n.reviewState === 'in_review') return n.pendingCorrection ? '更正审核中' : '审核中';
  if (n.reviewState === 'rejected') return '审核退回';
  if (n.status === 'published') return n.pendingCorrection ? '已发布（更正未提交）' : '已发布';
  return '草稿（未通过检查）';
}
