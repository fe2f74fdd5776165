import { randomBytes } from 'node:crypto';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { addWorkingDays, shiftDay } from '../calendar/working-days.ts';
import { insertSurvey, insertSurveyResponse } from '../interaction/surveys.repo.ts';
import { dueDateOf, replyOutcomeOf } from '../interaction/message-clock.ts';
import { hashAccessCode } from '../interaction/message-codes.ts';
import { DEFAULT_POLICIES, type MessageKind } from '../interaction/messages.model.ts';
import { insertMessage, insertMessageEvent } from '../interaction/messages.repo.ts';
import { senderKeyOf } from '../interaction/messages.schema.ts';
import { listMessageHandlers } from '../interaction/messages.service.ts';
import type { AppContext } from '../platform/context.ts';
import { beijingDayStart, formatDate } from '../platform/dates.ts';
import { nextSerial } from '../platform/db/serials.repo.ts';
import type { Tx } from '../platform/db/client.ts';
import type { DemoSite } from './demo-articles.ts';
import { createRng, type Rng } from './demo-random.ts';
import { personNames, procurementName, projectName, type TextContext } from './demo-text.ts';
import { staffMember } from './demo-users.ts';

/**
 * 互动交流 of the demo: from 1 January of last year to today, a few dozen messages per center — questions
 * about bidding, deposits and CA locks, 质疑 on procurement results, 主任信箱 letters — most answered
 * within their clock, some late, a few still open and overdue, a share published as Q&A without personal
 * data; and one survey per center with its answers. Same content for the same clock.
 */
export async function writeDemoMessages(ctx: AppContext, opts: { sites: Map<string, DemoSite> }): Promise<void> {
  const cal = await ctx.calendar.get();
  const now = ctx.clock();
  const today = formatDate(now);
  const start = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const planned = [...opts.sites.values()].flatMap((site) => planCenter(site, { start, today }));
  planned.sort((a, b) => (a.receivedOn === b.receivedOn ? a.order - b.order : a.receivedOn < b.receivedOn ? -1 : 1));
  await ctx.db.transaction(async (tx) => {
    const handlers = new Map<number, { id: number; name: string }[]>();
    for (const site of opts.sites.values()) handlers.set(site.demo.center.id, (await listMessageHandlers(tx, site.demo.center.id)).map((u) => ({ id: u.id, name: u.displayName })));
    for (const p of planned) await writeOne(tx, cal, { plan: p, handlers: handlers.get(p.centerId) ?? [], today });
    for (const site of opts.sites.values()) await writeSurvey(tx, site, today);
  });
}

type Planned = { centerId: number; order: number; kind: MessageKind; receivedOn: string; text: MessageText; sender: { name: string; phone: string; email: string }; fate: 'on_time' | 'late' | 'open' | 'overdue' | 'closed_unanswered'; isPublished: boolean; rng: Rng };
type MessageText = { subject: string; body: string; reply: string; reference: string; publicQuestion: string };

const PER_YEAR: Record<'province' | 'city' | 'county', number> = { province: 32, city: 24, county: 16 };
const KIND_WEIGHTS: [MessageKind, number][] = [['consultation', 45], ['query', 10], ['complaint', 6], ['report', 4], ['mailbox', 12], ['suggestion', 15], ['error_report', 8]];

function planCenter(site: DemoSite, o: { start: string; today: string }): Planned[] {
  const { profile, center } = site.demo;
  const rng = createRng(`messages:${profile.code}`);
  const days = Math.round((beijingDayStart(o.today).getTime() - beijingDayStart(o.start).getTime()) / 86_400_000);
  const count = Math.round((PER_YEAR[profile.level] * days) / 365);
  const names = personNames(createRng(`message-senders:${profile.code}`), count);
  const out: Planned[] = [];
  for (let i = 0; i < count; i++) {
    const receivedOn = shiftDay(o.start, rng.int(0, days));
    const kind = weighted(rng, KIND_WEIGHTS);
    const age = days - Math.round((beijingDayStart(o.today).getTime() - beijingDayStart(receivedOn).getTime()) / 86_400_000);
    const isRecent = age > days - 12;
    const roll = rng.next();
    // Overdue ones are recent: a message unanswered for over 3 months would fail the 互动回应差 veto.
    const isLastTwoMonths = age > days - 60;
    const fate: Planned['fate'] = isRecent ? 'open' : roll < (isLastTwoMonths ? 0.3 : 0) ? 'overdue' : roll < 0.16 ? 'late' : roll < 0.19 ? 'closed_unanswered' : 'on_time';
    const ctx: TextContext = { rng, profile, at: beijingDayStart(receivedOn) };
    const name = names[i] ?? `${profile.code}${i}`;
    const isCompany = kind === 'query' || (kind === 'complaint' && rng.chance(0.6));
    const sender = {
      name: isCompany ? `${profile.place.replace(/[省市]$/, '')}${rng.pick(['甲成', '乙和', '丙泰', '丁远', '戊信'])}${rng.pick(['建设工程有限公司', '科技有限公司', '医疗器械有限公司'])}` : kind === 'report' && rng.chance(0.6) ? '' : name,
      // Fictional: 138 0000 xxxx and example.com.
      phone: kind === 'error_report' && rng.chance(0.5) ? '' : `1380000${String(rng.int(0, 9999)).padStart(4, '0')}`,
      email: rng.chance(0.3) ? `user${rng.int(100, 999)}@example.com` : '',
    };
    out.push({ centerId: center.id, order: i, kind, receivedOn, text: textOf(kind, ctx), sender, fate, isPublished: (fate === 'on_time' || fate === 'late') && kind !== 'report' && kind !== 'complaint' && rng.chance(0.4), rng });
  }
  return out;
}

async function writeOne(tx: Tx, cal: WorkingCalendar, o: { plan: Planned; handlers: { id: number; name: string }[]; today: string }): Promise<void> {
  const p = o.plan;
  const rng = p.rng;
  const policy = DEFAULT_POLICIES[p.kind];
  const due = dueDateOf(cal, p.receivedOn, policy);
  const handler = o.handlers.length > 0 ? rng.pick(o.handlers) : null;
  const receivedAt = new Date(beijingDayStart(p.receivedOn).getTime() + rng.int(8 * 60, 21 * 60) * 60_000);
  const repliedOn = p.fate === 'on_time' ? minDay(addWorkingDays(cal, p.receivedOn, rng.int(1, policy.days)).date, o.today) : p.fate === 'late' ? minDay(addWorkingDays(cal, due.dueOn, rng.int(1, 4)).date, o.today) : null;
  const isOverdueOpen = p.fate === 'overdue' || (p.fate === 'open' && due.dueOn < o.today);
  const outcome = repliedOn ? replyOutcomeOf(cal, { receivedOn: p.receivedOn, dueOn: due.dueOn, repliedOn }) : null;
  // The same counters as live intake, so the first real message of a day continues the demo's numbers.
  const serial = await nextSerial(tx, `message:${p.receivedOn}`, async () => 0);
  const status = repliedOn ? (rng.chance(0.7) ? 'closed' : 'replied') : p.fate === 'closed_unanswered' ? 'closed' : 'open';
  const m = await insertMessage(tx, {
    centerId: p.centerId,
    kind: p.kind,
    trackingNo: `HD-${p.receivedOn.replaceAll('-', '')}-${String(serial).padStart(4, '0')}`,
    accessCodeHash: hashAccessCode(randomBytes(12).toString('hex')),
    subject: p.text.subject,
    body: p.text.body,
    reference: p.text.reference,
    ...p.sender,
    senderKey: senderKeyOf(p.sender),
    receivedOn: p.receivedOn,
    clockDays: policy.days,
    isClockWorkingDays: policy.isWorkingDays,
    dueOn: due.dueOn,
    isDueProvisional: due.isProvisional,
    status,
    assigneeId: handler?.id ?? null,
    reply: repliedOn ? p.text.reply : '',
    repliedOn,
    repliedBy: repliedOn ? (handler?.id ?? null) : null,
    workingDaysTaken: outcome?.workingDaysTaken ?? null,
    isOnTime: outcome?.isOnTime ?? null,
    isPublic: p.isPublished && repliedOn !== null,
    publicSubject: p.isPublished ? p.text.subject : '',
    publicQuestion: p.isPublished ? p.text.publicQuestion : '',
    publicReply: p.isPublished ? p.text.reply : '',
    publishedAt: p.isPublished && repliedOn ? new Date(beijingDayStart(repliedOn).getTime() + 17 * 3600_000) : null,
    internalNote: isOverdueOpen ? '需会同交易服务部核实后答复，已电话告知留言人正在办理。' : '',
    createdAt: receivedAt,
  });
  const by = handler?.name ?? '系统';
  const at = (day: string, hour: number) => new Date(beijingDayStart(day).getTime() + hour * 3600_000);
  await insertMessageEvent(tx, { messageId: m.id, action: 'received', note: `答复期限 ${policy.days} 个工作日，至 ${due.dueOn}`, actorName: '系统', createdAt: receivedAt });
  if (handler) await insertMessageEvent(tx, { messageId: m.id, action: 'assigned', note: `承办人：${handler.name}`, actorId: handler.id, actorName: by, createdAt: new Date(receivedAt.getTime() + 3600_000) });
  if (repliedOn && outcome) await insertMessageEvent(tx, { messageId: m.id, action: 'replied', note: `用时 ${outcome.workingDaysTaken} 个工作日，${outcome.isOnTime ? '按期答复' : `超过答复期限（${due.dueOn}）`}`, actorId: handler?.id ?? null, actorName: by, createdAt: at(repliedOn, 16) });
  if (m.isPublic && repliedOn) await insertMessageEvent(tx, { messageId: m.id, action: 'published', note: '在网站公开问答', actorId: handler?.id ?? null, actorName: by, createdAt: at(repliedOn, 17) });
  if (status === 'closed') await insertMessageEvent(tx, { messageId: m.id, action: 'closed', note: repliedOn ? '已答复，办结' : '重复留言，已在前一留言中答复', actorId: handler?.id ?? null, actorName: by, createdAt: at(repliedOn ?? minDay(shiftDay(p.receivedOn, 2), o.today), 17) });
}

async function writeSurvey(tx: Tx, site: DemoSite, today: string): Promise<void> {
  const { profile, center } = site.demo;
  const rng = createRng(`survey:${profile.code}`);
  const isProvince = profile.level === 'province';
  const opensOn = shiftDay(today, isProvince ? -75 : -20);
  const closesOn = shiftDay(today, isProvince ? -30 : 25);
  const survey = await insertSurvey(tx, {
    centerId: center.id,
    title: isProvince ? `${profile.name}交易服务满意度问卷调查` : `关于优化${profile.name}不见面开标服务的意见征集`,
    description: isProvince ? '为了解市场主体对交易服务的评价，改进服务质量，现开展本次问卷调查。问卷不记名，约需 3 分钟。' : '我中心拟进一步优化不见面开标系统，现公开征集意见建议。',
    questions: [
      { id: 'q1', text: '您对本中心交易服务的总体评价', kind: 'single', options: ['非常满意', '满意', '一般', '不满意'], isRequired: true },
      { id: 'q2', text: '您使用过的服务（可多选）', kind: 'multiple', options: ['网上投标与不见面开标', 'CA 数字证书办理', '投标保证金缴退', '场地预约与见证', '专家抽取'], isRequired: true },
      { id: 'q3', text: '您认为最需要改进的方面', kind: 'single', options: ['办事指南清晰度', '系统稳定性', '保证金退还速度', '咨询电话接通率'], isRequired: false },
      { id: 'q4', text: '其他意见和建议', kind: 'text', options: [], isRequired: false },
    ],
    opensOn,
    closesOn,
    isResultPublic: isProvince,
    resultSummary: isProvince ? '共收回有效问卷，总体满意率较高。文字意见主要集中在保证金退还进度查询、CA 证书跨平台互认和开标直播画质三方面，我中心将在下一季度逐项改进并公开进展。' : '',
    createdBy: staffMember(site.staff, 'admin').id,
    createdAt: beijingDayStart(opensOn),
  });
  const n = isProvince ? rng.int(90, 140) : rng.int(20, 45);
  const ideas = ['希望保证金退还能在系统里查到进度。', '开标直播偶尔卡顿，建议提升带宽。', 'CA 锁在不同平台之间不能通用，希望推动互认。', '办事指南写得很清楚，点赞。', '咨询电话中午时段经常占线。'];
  for (let i = 0; i < n; i++) {
    const q2 = [0, 1, 2, 3, 4].filter((k) => rng.chance(k === 0 ? 0.85 : k === 1 ? 0.7 : 0.4)).map((k) => ['网上投标与不见面开标', 'CA 数字证书办理', '投标保证金缴退', '场地预约与见证', '专家抽取'][k] ?? '');
    const answers: Record<string, string | string[]> = { q1: weighted(rng, [['非常满意', 45], ['满意', 38], ['一般', 13], ['不满意', 4]]), q2: q2.length > 0 ? q2 : ['网上投标与不见面开标'] };
    if (rng.chance(0.8)) answers.q3 = weighted(rng, [['办事指南清晰度', 20], ['系统稳定性', 35], ['保证金退还速度', 30], ['咨询电话接通率', 15]]);
    if (rng.chance(0.3)) answers.q4 = rng.pick(ideas);
    const day = shiftDay(opensOn, rng.int(0, Math.max(0, Math.min(45, Math.round((beijingDayStart(minDay(closesOn, today)).getTime() - beijingDayStart(opensOn).getTime()) / 86_400_000)))));
    await insertSurveyResponse(tx, { surveyId: survey.id, answers, clientHash: `demo-${profile.code}-${i}`, createdAt: new Date(beijingDayStart(day).getTime() + rng.int(9, 21) * 3600_000) });
  }
}

function textOf(kind: MessageKind, ctx: TextContext): MessageText {
  const { rng, profile } = ctx;
  const pick = rng.pick(TEXTS[kind]);
  const project = projectName(ctx);
  const procurement = procurementName(ctx);
  const code = `${profile.code.toUpperCase()}ZC${ctx.at.getUTCFullYear()}-${String(rng.int(1, 400)).padStart(4, '0')}`;
  const fill = (s: string) => s.replaceAll('{center}', profile.name).replaceAll('{project}', project).replaceAll('{procurement}', procurement).replaceAll('{code}', code).replaceAll('{place}', profile.place);
  return { subject: fill(pick[0]), body: fill(pick[1]), reply: fill(pick[2]), reference: kind === 'query' ? `${code} ${procurement}` : kind === 'error_report' ? '/col/notice' : '', publicQuestion: fill(pick[3] ?? pick[1]) };
}

/** [subject, body, reply, public question (when the body names the writer)]. */
const TEXTS: Record<MessageKind, [string, string, string, string?][]> = {
  consultation: [
    ['CA 数字证书到期如何续期', '我公司的 CA 锁下个月到期，请问是否可以网上续期？续期期间能否正常投标？', '您好！CA 数字证书可在到期前 30 日内通过 CA 服务机构的网上服务大厅办理续期，无需到现场；续期完成后原证书即时更新，不影响投标。请注意在投标截止前完成续期并用新证书重新登录交易系统核对。'],
    ['投标保证金退还时间', '项目开标已经两周，我们未中标，保证金什么时候退？', '您好！依据规定，招标人最迟应当在书面合同签订后 5 日内向中标人和未中标的投标人退还投标保证金及银行同期存款利息。保证金由交易系统按流程原路退还，您可在交易系统“保证金查询”中查看进度。'],
    ['电子保函能否替代现金保证金', '请问{center}是否接受投标保证保险或电子保函？', '您好！本中心已开通电子保函服务，投标人可在交易系统中选择“电子保函”方式提交投标保证金，与现金缴纳具有同等效力。具体以招标文件的要求为准。'],
    ['不见面开标如何解密', '第一次参加不见面开标，请问解密需要准备什么？', '您好！不见面开标时，投标人须在开标时间前登录不见面开标大厅，使用投标时加密所用的 CA 证书在规定时间内完成解密。建议提前检查驱动和网络，并留意大厅内的签到和解密提醒。'],
    ['主体信息变更后如何更新', '公司更名后，交易平台的主体信息怎么更新？', '您好！请登录交易系统，在“主体信息”中提交变更申请并上传营业执照等证明材料，审核通过后即更新；同时请到 CA 服务机构更新数字证书信息。'],
    ['开标场地预约', '我们是代理机构，想预约下月开标室和评标室，流程是什么？', '您好！代理机构可通过交易系统“场地预约”模块按项目提交预约，系统根据场地使用情况自动安排；如需调整，请在开标前 3 个工作日提出。'],
    ['评标专家抽取时间', '评标专家一般提前多久抽取？我们需要准备什么？', '您好！评标专家原则上在开标前 24 小时内通过专家库系统随机抽取，抽取信息严格保密。招标人或代理机构应在交易系统中提交抽取申请，写明专业和人数。'],
    ['投标文件上传失败', '上传投标文件时一直提示“文件校验失败”，离截止只有两天了，怎么办？', '您好！文件校验失败多为投标文件制作工具版本过旧或文件未完成签章所致。请下载最新版投标文件制作工具重新生成并签章后上传；如仍有问题，请拨打本中心技术支持电话，我们会远程协助。'],
  ],
  query: [
    ['对{procurement}中标结果的质疑', '我公司参加了{procurement}（项目编号 {code}）的投标。中标人的业绩材料与其公示的合同金额不符，评分存在错误，请依法复核并答复。', '经组织原评标委员会复核，中标人提供的业绩合同符合采购文件第三章的要求，评分无误；你公司所提质疑事项不成立。如对答复不满意，可在答复期满后 15 个工作日内向同级政府采购监督管理部门投诉。', '有供应商对某采购项目中标结果提出质疑，认为中标人业绩材料与公示不符、评分有误，请求复核。'],
    ['对{procurement}采购文件的质疑', '采购文件要求投标人具有本地售后服务网点，我们认为这属于以不合理条件限制外地供应商，请求修改。', '经采购人和代理机构研究，采购文件中“本地售后服务网点”的要求改为“中标后 30 日内在本地设立售后服务网点或签订服务协议”，已发布更正公告并相应顺延投标截止时间。你方质疑事项成立。', '有供应商质疑采购文件要求“本地售后服务网点”属于以不合理条件限制外地供应商。'],
    ['对{procurement}评审过程的质疑', '我公司报价最低，但综合得分排名第三，请说明技术分的打分依据。', '经核查评审记录，技术分由评标委员会按采购文件评分细则独立评分，各项得分均有评审意见支撑；你公司技术方案在“实施进度计划”一项未提供具体节点，相应扣分。质疑事项不成立。', '有供应商询问报价最低但综合得分不高的原因，要求说明技术分评分依据。'],
  ],
  complaint: [
    ['开标时系统卡顿影响解密', '{project}开标时不见面开标大厅卡顿近十分钟，我公司差点解密超时，要求说明原因并改进。', '经核查，当日开标时段网络运营商线路出现拥塞，本中心已启用备用线路，所有投标人均在延长的解密时间内完成解密，未影响开标结果。我们已扩容带宽并增加开标前的压力测试。'],
    ['窗口工作人员服务态度', '办理主体信息核验时，窗口人员解释不耐烦，我排队两次才办好。', '感谢您的监督。经调查，当日窗口业务量较大，工作人员解释不够耐心。我们已对相关人员进行批评教育，并增设咨询引导岗。'],
  ],
  report: [
    ['举报{project}投标人串通投标', '{project}多家投标人的投标文件由同一台电脑制作，疑似串通投标，请核查。', '收到您的举报后，本中心已将相关电子投标文件的制作信息提交行政监督部门，监督部门已依法立案调查。感谢您的监督。'],
    ['举报代理机构违规收费', '某代理机构在{project}中收取“入围费”，没有任何收费依据。', '您反映的情况已移交行政监督部门核查处理，处理结果将依法公开。感谢您的监督。'],
  ],
  mailbox: [
    ['建议延长咨询电话服务时间', '主任您好！很多企业晚上才有时间准备投标文件，建议咨询电话延长到晚上八点。', '感谢您的建议！自下月起，本中心技术支持热线在投标截止前一日延长服务至 20:00，并开通在线客服留言。', '有企业建议在投标高峰期延长技术支持咨询电话的服务时间。'],
    ['关于保证金退还提速的建议', '主任您好，我们公司同时参加多个项目，保证金压力很大，希望退还更快一些。', '感谢您的来信。本中心已推行“中标结果公告后自动退还未中标人保证金”的做法，并全面推广电子保函，减轻企业资金压力。'],
    ['表扬交易服务部工作人员', '上周开标前我们投标文件出了问题，交易服务部的同志加班远程帮助我们解决，特此表扬。', '感谢您的肯定！我们会继续做好服务。', '有企业来信表扬交易服务部工作人员在开标前加班远程协助解决投标文件问题。'],
  ],
  suggestion: [
    ['建议公告页面增加附件预览', '交易公告的附件只能下载，手机上不方便，建议增加在线预览。', '感谢您的建议！我们将在网站改版中增加 PDF 附件在线预览功能。'],
    ['建议开设 CA 证书跨平台互认', '在不同平台投标需要办理多把 CA 锁，建议推动互认。', '感谢您的建议！本中心已接入全省 CA 互认平台，目前已支持主要 CA 机构证书通用，后续将扩大范围。'],
    ['建议优化网站搜索', '网站搜索按项目编号查不到公告，建议支持编号检索。', '感谢您的建议！网站搜索已支持按项目编号和交易标识码检索。'],
  ],
  error_report: [
    ['通知公告中日期有误', '通知公告栏目一则通知中的开标日期与附件不一致。', '感谢指正！经核实为录入错误，已发布更正。'],
    ['链接无法打开', '政策文件页面“相关解读”的链接打开显示页面不存在。', '感谢反馈！链接已修复。'],
  ],
};

function weighted<T>(rng: Rng, items: readonly [T, number][]): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}
