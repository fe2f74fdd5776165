import { cleanPlainText } from '../content/sanitize.ts';
import { isValidCreditCode, normalizeCreditCode } from '../platform/credit-code.ts';
import type { FieldError } from '../platform/errors.ts';
import { isValidResidentId, normalizeResidentId } from '../platform/resident-id.ts';
import { APPLICANT_TYPES, DELIVERY_FORMS, type ApplicantType, type DeliveryForm } from './disclosure.model.ts';

/**
 * The application form (条例 第二十九条: name, identity proof, contact; a description of the information;
 * the form and route of delivery), from the portal form or `POST /api/v1/disclosure-requests`. Every
 * problem is a field error in Chinese that names the field; the values are returned cleaned, so a form can
 * be shown again with what the applicant typed.
 */
export type RequestInput = {
  applicantType: ApplicantType;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  contact: { phone?: string; email?: string; address?: string };
  description: string;
  purpose: string;
  deliveryForm: DeliveryForm;
  needsAssistance: boolean;
};

export type RequestFormValues = Record<'applicantType' | 'name' | 'idNumber' | 'creditCode' | 'phone' | 'email' | 'address' | 'description' | 'purpose' | 'deliveryForm' | 'needsAssistance', string>;

export const LIMITS = { name: 100, idNumber: 18, creditCode: 18, phone: 30, email: 100, address: 200, description: 5000, purpose: 1000 } as const;

const PHONE = /^[0-9+\-() ]{7,30}$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The flat form values of a JSON body or a urlencoded form (contact may be nested or flat). */
export function requestFormValues(raw: unknown): RequestFormValues {
  const b = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const contact = b.contact && typeof b.contact === 'object' ? (b.contact as Record<string, unknown>) : {};
  const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : typeof v === 'boolean' ? String(v) : '');
  return {
    applicantType: s(b.applicantType),
    name: s(b.name),
    idNumber: s(b.idNumber),
    creditCode: s(b.creditCode),
    phone: s(contact.phone ?? b.phone),
    email: s(contact.email ?? b.email),
    address: s(contact.address ?? b.address),
    description: s(b.description),
    purpose: s(b.purpose),
    deliveryForm: s(b.deliveryForm),
    needsAssistance: s(b.needsAssistance),
  };
}

export function parseRequestInput(raw: unknown, opts: { isStaffEntry: boolean; today: Date }): { value: RequestInput | null; values: RequestFormValues; errors: FieldError[] } {
  const v = requestFormValues(raw);
  const errors: FieldError[] = [];
  const line = (x: string, max: number) => cleanPlainText(x).slice(0, max + 1);
  const values: RequestFormValues = {
    applicantType: v.applicantType.trim(),
    name: line(v.name, LIMITS.name),
    idNumber: normalizeResidentId(v.idNumber).slice(0, 40),
    creditCode: normalizeCreditCode(v.creditCode).slice(0, 40),
    phone: line(v.phone, LIMITS.phone),
    email: line(v.email, LIMITS.email),
    address: line(v.address, LIMITS.address),
    description: multiline(v.description).slice(0, LIMITS.description + 1),
    purpose: multiline(v.purpose).slice(0, LIMITS.purpose + 1),
    deliveryForm: v.deliveryForm.trim(),
    needsAssistance: v.needsAssistance === 'true' || v.needsAssistance === 'on' || v.needsAssistance === '1' ? 'true' : '',
  };
  const type = (APPLICANT_TYPES as readonly string[]).includes(values.applicantType) ? (values.applicantType as ApplicantType) : null;
  if (!type) errors.push({ field: 'applicantType', message: '申请人类型：请选择自然人或法人/其他组织的类别' });
  const isPerson = type === 'natural_person';
  if (!values.name) errors.push({ field: 'name', message: isPerson ? '姓名：不能为空' : '名称：不能为空' });
  else if (values.name.length > LIMITS.name) errors.push({ field: 'name', message: `${isPerson ? '姓名' : '名称'}：不能超过 ${LIMITS.name} 个字` });
  if (isPerson) {
    if (!values.idNumber) {
      if (!opts.isStaffEntry) errors.push({ field: 'idNumber', message: '身份证号码：自然人申请须填写（条例第二十九条：身份证明）' });
    } else if (!isValidResidentId(values.idNumber, opts.today)) errors.push({ field: 'idNumber', message: '身份证号码：格式或校验位不正确，请核对 18 位号码' });
  } else if (type) {
    if (!values.creditCode) errors.push({ field: 'creditCode', message: '统一社会信用代码：法人或其他组织申请须填写' });
    else if (!isValidCreditCode(values.creditCode)) errors.push({ field: 'creditCode', message: '统一社会信用代码：格式或校验位不正确，请核对 18 位代码' });
  }
  if (values.phone && !PHONE.test(values.phone)) errors.push({ field: 'phone', message: '联系电话：只能包含数字、空格和 + - ( )，7 至 30 位' });
  if (values.email && (values.email.length > LIMITS.email || !EMAIL.test(values.email))) errors.push({ field: 'email', message: '电子邮箱：格式不正确' });
  if (values.address.length > LIMITS.address) errors.push({ field: 'address', message: `通信地址：不能超过 ${LIMITS.address} 个字` });
  if (!values.phone && !values.email && !values.address) errors.push({ field: 'phone', message: '联系方式：联系电话、电子邮箱、通信地址至少填写一项' });
  if (values.description.length < 5) errors.push({ field: 'description', message: '所需信息描述：请写明所需政府信息的名称、文号或便于查询的其他特征（至少 5 个字）' });
  else if (values.description.length > LIMITS.description) errors.push({ field: 'description', message: `所需信息描述：不能超过 ${LIMITS.description} 个字` });
  if (values.purpose.length > LIMITS.purpose) errors.push({ field: 'purpose', message: `用途：不能超过 ${LIMITS.purpose} 个字` });
  const form = (DELIVERY_FORMS as readonly string[]).includes(values.deliveryForm) ? (values.deliveryForm as DeliveryForm) : null;
  if (!form) errors.push({ field: 'deliveryForm', message: '获取信息的方式：请选择电子文档、纸质文本或当场查阅' });
  if (form === 'paper' && !values.address) errors.push({ field: 'address', message: '通信地址：选择纸质文本的，须填写邮寄地址' });
  if (errors.length > 0 || !type || !form) return { value: null, values, errors };
  const contact: RequestInput['contact'] = {};
  if (values.phone) contact.phone = values.phone;
  if (values.email) contact.email = values.email;
  if (values.address) contact.address = values.address;
  return {
    value: {
      applicantType: type,
      name: values.name,
      idNumber: isPerson && values.idNumber ? values.idNumber : null,
      creditCode: !isPerson ? values.creditCode : null,
      contact,
      description: values.description,
      purpose: values.purpose,
      deliveryForm: form,
      needsAssistance: values.needsAssistance === 'true',
    },
    values,
    errors,
  };
}

/** Plain text that keeps its line breaks: tags and control characters removed line by line. */
export function multiline(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => cleanPlainText(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Who counts as the same applicant: the ID number or credit code, else the name and the first contact. */
export function applicantKeyOf(i: Pick<RequestInput, 'name' | 'idNumber' | 'creditCode' | 'contact'>): string {
  if (i.idNumber) return `id:${i.idNumber}`;
  if (i.creditCode) return `uscc:${i.creditCode}`;
  const contact = (i.contact.phone ?? i.contact.email ?? i.contact.address ?? '').replace(/\s/g, '').toLowerCase();
  return `name:${i.name}|${contact}`;
}
