import { phoneDigits } from './messages.schema.ts';

/**
 * Before a Q&A goes public: does any public text still carry the sender's personal data, or anything that
 * looks like personal data (a mobile number, a resident ID number)? (Any e-mail address is not flagged:
 * replies often give the center's own.) Staff must remove
 * it; the check is a safety net under the staff's own confirmation, not a replacement for it.
 */
export type PrivacyFinding = { what: string };

export function personalDataIn(text: string, sender: { name: string; phone: string; email: string }): PrivacyFinding[] {
  const out: PrivacyFinding[] = [];
  const name = sender.name.trim();
  // A one-character "name" would match everywhere; two or more are checked literally.
  if (name.length >= 2 && text.includes(name)) out.push({ what: '留言人姓名或单位名称' });
  const digits = phoneDigits(sender.phone);
  if (digits.length >= 7 && text.replace(/[\s-]/g, '').includes(digits)) out.push({ what: '留言人联系电话' });
  const email = sender.email.trim().toLowerCase();
  if (email && text.toLowerCase().includes(email)) out.push({ what: '留言人电子邮箱' });
  if (/(?<!\d)1[3-9]\d{9}(?!\d)/.test(text.replace(/[\s-]/g, ''))) out.push({ what: '手机号码' });
  if (/(?<!\d)\d{17}[\dXx](?!\d)/.test(text)) out.push({ what: '身份证号码' });
  return dedupe(out);
}

function dedupe(items: PrivacyFinding[]): PrivacyFinding[] {
  const seen = new Set<string>();
  return items.filter((f) => (seen.has(f.what) ? false : (seen.add(f.what), true)));
}
