/**
 * The vocabulary of 依申请公开. Applicant types are the six columns of the annual report's table 三 and the
 * outcomes are exactly its leaf rows (国办公开办函〔2021〕30号; reference/disclosure-law.md §1.2, §2.3), so
 * the report is a pure count of closed cases.
 */

export const APPLICANT_TYPES = ['natural_person', 'commercial_enterprise', 'research_institution', 'public_interest_org', 'legal_service_org', 'other_org'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural_person: '自然人',
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  public_interest_org: '社会公益组织',
  legal_service_org: '法律服务机构',
  other_org: '其他组织',
};

export const DELIVERY_FORMS = ['electronic', 'paper', 'inspect'] as const;
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];
export const DELIVERY_FORM_LABELS: Record<DeliveryForm, string> = { electronic: '电子文档（电子邮件或网上获取）', paper: '纸质文本（邮寄或自行领取）', inspect: '当场查阅、抄录' };

/** 条例 第三十一条: how an application arrived decides its receipt date. */
export const CHANNELS = ['online', 'in_person', 'post_signed', 'letter', 'fax', 'email', 'oral'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上申请',
  in_person: '当面提交',
  post_signed: '邮寄（需签收）',
  letter: '平常信函',
  fax: '传真',
  email: '电子邮件',
  oral: '口头申请（代为填写）',
};
export const CHANNEL_RECEIPT_RULES: Record<Channel, string> = {
  online: '以双方确认之日为收到申请之日（条例第三十一条第三项）：系统生成受理编号即为确认。',
  in_person: '以提交之日为收到申请之日（条例第三十一条第一项）。',
  post_signed: '以本机关签收之日为收到申请之日（条例第三十一条第二项）。',
  letter: '平常信函：收到当日与申请人确认，以确认之日为收到申请之日（条例第三十一条第二项）。',
  fax: '以双方确认之日为收到申请之日（条例第三十一条第三项）。',
  email: '以电子邮件系统接收之日为收到申请之日（国办公开办函〔2015〕207号）。',
  oral: '申请人书写确有困难的，可以口头提出，由本机关代为填写（条例第二十九条），以提交之日为收到申请之日。',
};
/** Channels whose receipt date is the confirmation with the applicant: staff record that date explicitly. */
export const CONFIRMED_CHANNELS: readonly Channel[] = ['letter', 'fax'];

export type OutcomeGroup = 'disclosed' | 'partial' | 'withheld' | 'unavailable' | 'not_handled' | 'other';
export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  disclosed: '（一）予以公开',
  partial: '（二）部分公开',
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  not_handled: '（五）不予处理',
  other: '（六）其他处理',
};

export type OutcomeDef = { id: string; group: OutcomeGroup; label: string; citation: string; text: string };

/** Every leaf row of table 三 "三、本年度办理结果", in the report's order, with the reply's legal basis and wording. */
export const OUTCOMES = [
  { id: 'disclosed', group: 'disclosed', label: '（一）予以公开', citation: '《中华人民共和国政府信息公开条例》第三十六条第二项', text: '您申请获取的政府信息属于公开范围，现予以公开，相关信息见附件（或按您选择的方式提供）。' },
  { id: 'partial', group: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', citation: '《中华人民共和国政府信息公开条例》第三十七条', text: '您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理，现向您提供可以公开的部分，对不予公开的内容说明理由如下。' },
  { id: 'withheld_state_secret', group: 'withheld', label: '1.属于国家秘密', citation: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第三项', text: '您申请获取的政府信息属于国家秘密，依法不予公开。' },
  { id: 'withheld_law_forbidden', group: 'withheld', label: '2.其他法律行政法规禁止公开', citation: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第三项', text: '您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，依法不予公开。' },
  { id: 'withheld_security_stability', group: 'withheld', label: '3.危及\u201c三安全一稳定\u201d', citation: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第三项', text: '您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，依法不予公开。' },
  { id: 'withheld_third_party', group: 'withheld', label: '4.保护第三方合法权益', citation: '《中华人民共和国政府信息公开条例》第十五条、第三十六条第三项', text: '您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，经征求第三方意见，第三方不同意公开，依法不予公开。' },
  { id: 'withheld_internal_affairs', group: 'withheld', label: '5.属于三类内部事务信息', citation: '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第三项', text: '您申请获取的信息属于人事管理、后勤管理、内部工作流程等内部事务信息，可以不予公开。' },
  { id: 'withheld_process_info', group: 'withheld', label: '6.属于四类过程性信息', citation: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第三项', text: '您申请获取的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开。' },
  { id: 'withheld_enforcement_file', group: 'withheld', label: '7.属于行政执法案卷', citation: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第三项', text: '您申请获取的信息属于行政执法案卷信息，可以不予公开。' },
  { id: 'withheld_query_matter', group: 'withheld', label: '8.属于行政查询事项', citation: '《中华人民共和国政府信息公开条例》第三十六条第七项', text: '您申请获取的信息属于法律、行政法规对信息的获取有特别规定的行政查询事项，请按照相关规定办理。' },
  { id: 'unavailable_not_held', group: 'unavailable', label: '1.本机关不掌握相关政府信息', citation: '《中华人民共和国政府信息公开条例》第三十六条第四项、第五项', text: '经检索查找，本机关不掌握您申请获取的政府信息。能够确定负责公开该政府信息的行政机关的，已在下文告知其名称、联系方式。' },
  { id: 'unavailable_needs_creation', group: 'unavailable', label: '2.没有现成信息需要另行制作', citation: '《中华人民共和国政府信息公开条例》第三十八条', text: '您申请获取的信息需要本机关对现有政府信息进行加工、分析，本机关可以不予提供。' },
  { id: 'unavailable_still_unclear', group: 'unavailable', label: '3.补正后申请内容仍不明确', citation: '《中华人民共和国政府信息公开条例》第三十条', text: '经补正后，您的申请内容仍不明确，本机关无法确定您所需的政府信息，无法提供。' },
  { id: 'not_handled_petition', group: 'not_handled', label: '1.信访举报投诉类申请', citation: '《中华人民共和国政府信息公开条例》第三十九条第一款', text: '您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，请通过相应渠道提出。' },
  { id: 'not_handled_repeat', group: 'not_handled', label: '2.重复申请', citation: '《中华人民共和国政府信息公开条例》第三十六条第六项', text: '本机关已就您申请公开的政府信息作出过答复，您重复申请公开相同政府信息，本机关不予重复处理。' },
  { id: 'not_handled_publication', group: 'not_handled', label: '3.要求提供公开出版物', citation: '《中华人民共和国政府信息公开条例》第三十九条第二款', text: '您要求提供政府公报、报刊、书籍等公开出版物，请通过获取公开出版物的途径获取。' },
  { id: 'not_handled_excessive', group: 'not_handled', label: '4.无正当理由大量反复申请', citation: '《中华人民共和国政府信息公开条例》第三十五条', text: '您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，本机关认为申请理由不合理，不予处理。' },
  { id: 'not_handled_confirmation', group: 'not_handled', label: '5.要求行政机关确认或重新出具已获取信息', citation: '《中华人民共和国政府信息公开条例》第三十九条', text: '您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请的处理范围，不予处理。' },
  { id: 'other_no_clarification', group: 'other', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', citation: '《中华人民共和国政府信息公开条例》第三十条', text: '本机关已书面告知您补正申请，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。' },
  { id: 'other_fee_unpaid', group: 'other', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', citation: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）', text: '本机关已向您发出收费通知，您逾期未按要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。' },
  { id: 'other_other', group: 'other', label: '3.其他', citation: '《中华人民共和国政府信息公开条例》', text: '' },
] as const satisfies readonly OutcomeDef[];

export type Outcome = (typeof OUTCOMES)[number]['id'];
export const OUTCOME_IDS = OUTCOMES.map((o) => o.id) as readonly Outcome[];
export function outcomeDef(id: string): OutcomeDef | undefined {
  return OUTCOMES.find((o) => o.id === id);
}
export function isOutcome(v: string): v is Outcome {
  return (OUTCOME_IDS as readonly string[]).includes(v);
}

export const STATUSES = ['in_progress', 'awaiting_clarification', 'consulting', 'awaiting_payment', 'reply_review', 'closed'] as const;
export type RequestStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<RequestStatus, string> = {
  in_progress: '办理中',
  awaiting_clarification: '待申请人补正',
  consulting: '征求意见中',
  awaiting_payment: '待缴纳信息处理费',
  reply_review: '答复审核中',
  closed: '已办结',
};

export const SERVICE_METHODS = ['electronic', 'post', 'direct', 'on_the_spot'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];
export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = { electronic: '电子送达（电子邮件/网上）', post: '邮政寄送', direct: '直接送达（签收）', on_the_spot: '当场答复' };

export const APPEAL_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABELS: Record<AppealKind, string> = { reconsideration: '行政复议', litigation_direct: '行政诉讼（未经复议直接起诉）', litigation_after_reconsideration: '行政诉讼（复议后起诉）' };
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
export const APPEAL_RESULT_LABELS: Record<AppealResult, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' };

/** Event kinds shown to the applicant (with the access code): the public history of the case. */
export const EVENT_LABELS: Record<string, string> = {
  received: '收到申请',
  clarification_requested: '告知补正',
  clarification_received: '收到补正后的申请（答复期限重新计算）',
  clarification_lapsed: '逾期未补正，不再处理',
  consultation_started: '征求第三方（或其他机关）意见（期间不计入答复期限）',
  consultation_ended: '征求意见结束',
  extension_requested: '申请延期答复',
  extension_approved: '延期答复（已经政府信息公开工作机构负责人同意）',
  fee_notified: '发出信息处理费收费通知（缴费期间不计入答复期限）',
  fee_paid: '已缴纳信息处理费',
  fee_waived: '免收信息处理费',
  fee_lapsed: '逾期未缴费，不再处理',
  deadline_fixed: '确定延迟答复的合理期限（条例第三十五条）',
  reply_drafted: '答复书已起草',
  reply_submitted: '答复书提交审核',
  reply_rejected: '答复书退回修改',
  reply_approved: '答复书审核通过',
  reply_served: '答复书已送达',
  due_moved: '答复期限因节假日安排调整而变化',
  assigned: '分配经办人',
  note: '内部备注',
  reminder: '即将到期提醒',
  overdue: '已超过答复期限',
  extension_refused: '负责人不同意延期',
};
