import { APPLICANT_TYPE_LABELS, outcomeDef, type ApplicantType } from './disclosure.model.ts';

/**
 * The draft of a reply (政府信息公开申请答复告知书) for an outcome: the receipt, what was asked, the decision
 * with its legal basis, and the remedies. Staff edit it before review. The salutation (the applicant's
 * name) is kept apart from the body, so the body can be shown to whoever holds the access code.
 */
export function draftReplyBody(o: { outcome: string; centerName: string; trackingNo: string; receivedOn: string; description: string }): string {
  const def = outcomeDef(o.outcome);
  const [y, m, d] = o.receivedOn.split('-').map(Number);
  const lines = [
    `本机关于 ${y} 年 ${m} 月 ${d} 日收到您提出的政府信息公开申请（受理编号：${o.trackingNo}），申请获取：“${clip(o.description, 200)}”。`,
    `经审查，根据${def?.citation ?? '《中华人民共和国政府信息公开条例》'}的规定，现答复如下：`,
    def?.text || '（请写明处理结果及理由。）',
    `如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法提起行政诉讼。`,
    `${o.centerName}`,
  ];
  return lines.join('\n\n');
}

export function salutationOf(o: { applicantName: string; applicantType: string }): string {
  return `${o.applicantName}${o.applicantType === 'natural_person' ? '' : `（${APPLICANT_TYPE_LABELS[o.applicantType as ApplicantType] ?? ''}）`}：`;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
