import { METHOD_LABELS, type Contact } from '../trading/trading.model.ts';
import type { CenterProfile } from './demo-centers.ts';
import type { Rng } from './demo-random.ts';
import { cnNumber } from './demo-text.ts';
import { cnDay, cnMoment, type Moment } from './demo-trading-dates.ts';
import type { ProjectDraft } from './demo-trading-projects.ts';

/**
 * Titles and bodies of opening and amendment notices, in the section order of the national formats
 * (标准施工招标文件 招标公告; 财办库〔2020〕50号 templates 3, 4, 6, 10; 挂牌出让公告), as simple HTML.
 */

export type NoticeContext = {
  draft: ProjectDraft;
  profile: CenterProfile;
  rng: Rng;
  year: number;
  agentName: string;
  agentAddress: string;
  contact: Contact;
  tendererContact: Contact;
  tendererAddress: string;
  /** The supplier a 单一来源 procedure names in its 公示. */
  soleSupplier?: { name: string; address: string } | undefined;
};

export type Schedule = { docSaleStart: number; docSaleEnd: number; deadline: Moment; opening: Moment; openingPlace: string; listingStart: number | null };

export type AmendmentChange = { kind: 'clarify' | 'documents' | 'postpone' | 'venue'; affectsPreparation: boolean; summary: string; deadline: Moment | null; opening: Moment | null; openingPlace: string | null };

export type Text = { title: string; bodyHtml: string };

export function tenderText(ctx: NoticeContext, s: Schedule): Text {
  const d = ctx.draft;
  if (d.land) return landTender(ctx, s);
  if (d.input.category === 'state_assets') return assetTender(ctx, s);
  if (d.input.category === 'works') return worksTender(ctx, s);
  return procurementTender(ctx, s);
}

function worksTender(ctx: NoticeContext, s: Schedule): Text {
  const d = ctx.draft;
  const i = d.input;
  const what = { construction: '施工', supervision: '监理', design: '勘察设计', epc: '设计施工总承包' }[d.worksKind ?? 'construction'];
  const body = [
    h3('一、招标条件'),
    p(`本招标项目${i.name}已由${d.approval}，项目业主为${i.tendererName}，建设资金来自${d.funding}，出资比例为100%，招标人为${i.tendererName}，招标代理机构为${ctx.agentName}。项目已具备招标条件，现对该项目的${what}进行公开招标。`),
    h3('二、项目概况与招标范围'),
    p(`1.建设地点：${d.location}。2.建设规模：${d.scope}。3.${d.period}；质量要求：合格。4.招标范围：${what === '施工' ? '施工图纸及工程量清单范围内的全部内容' : `本项目${what}服务的全部内容`}。`),
    lotsTable(ctx, '最高投标限价（元）'),
    h3('三、投标人资格要求'),
    p(`1.${d.qualification}。2.本次招标${d.worksKind === 'epc' ? '接受' : '不接受'}联合体投标。3.投标人不得为失信被执行人，不得存在《中华人民共和国招标投标法实施条例》第三十四条规定的情形。`),
    h3('四、招标文件的获取'),
    p(`凡有意参加投标者，请于${cnDay(s.docSaleStart)}至${cnDay(s.docSaleEnd)}，登录${ctx.profile.siteName}，使用CA数字证书免费下载电子招标文件及图纸。`),
    h3('五、投标文件的递交及开标'),
    p(`投标文件递交的截止时间（投标截止时间，下同）为${cnMoment(s.deadline)}（北京时间），投标人应在截止时间前通过电子交易系统加密上传投标文件；逾期上传的，电子交易系统不予受理。开标时间同投标截止时间，开标地点为${s.openingPlace}，本项目实行不见面开标。`),
    h3('六、投标保证金'),
    p(`投标保证金：人民币${money(d.depositFen)}元（每标段），可采用银行转账、银行保函或电子保函形式提交，须于投标截止时间前到达指定账户。`),
    h3('七、发布公告的媒介'),
    p(`本次招标公告同时在中国招标投标公共服务平台、湖南省公共资源交易服务平台${ctx.profile.code === 'hn' ? '' : `和${ctx.profile.siteName}`}上发布。`),
    h3('八、联系方式'),
    contactsTable(ctx),
    h3('九、监督部门'),
    p(`本招标项目的行政监督部门为${d.supervisor}。`),
  ];
  return { title: `${i.name}招标公告`, bodyHtml: body.join('\n') };
}

const PROCUREMENT_TITLES: Record<string, string> = {
  open_tender: '公开招标公告',
  competitive_consultation: '竞争性磋商公告',
  competitive_negotiation: '竞争性谈判公告',
  inquiry: '询价公告',
  single_source: '单一来源采购公示',
};

function procurementTender(ctx: NoticeContext, s: Schedule): Text {
  const d = ctx.draft;
  const i = d.input;
  const title = `${i.name}${PROCUREMENT_TITLES[i.method] ?? '采购公告'}`;
  if (i.method === 'single_source') return { title, bodyHtml: singleSource(ctx, s).join('\n') };
  const isTender = i.method === 'open_tender';
  const doc = isTender ? '招标文件' : '采购文件';
  const response = isTender ? '投标文件' : '响应文件';
  const body = [
    h3('项目概况'),
    p(`${i.name}的潜在${isTender ? '投标人' : '供应商'}应在${ctx.profile.siteName}获取${doc}，并于${cnMoment(s.deadline)}（北京时间）前提交${response}。`),
    h3('一、项目基本情况'),
    ul([`项目编号：${i.projectNo}`, `项目名称：${i.name}`, `采购方式：${METHOD_LABELS[i.method]}`, `预算金额：${money(i.budgetFen)}元（最高限价同预算金额）`, `采购需求：${d.scope}`, `合同履行期限：${d.period}`, '本项目不接受联合体投标。']),
    ...(i.lots.length > 1 ? [lotsTable(ctx, '预算金额（元）')] : []),
    h3('二、申请人的资格要求'),
    p(d.qualification),
    h3(`三、获取${doc}`),
    p(`时间：${cnDay(s.docSaleStart)}至${cnDay(s.docSaleEnd)}，每天上午8:30至12:00，下午14:30至17:30（北京时间，法定节假日除外）。地点及方式：登录${ctx.profile.siteName}使用CA数字证书免费下载。`),
    h3(isTender ? '四、提交投标文件截止时间、开标时间和地点' : '四、响应文件提交及开启'),
    p(`截止时间及开启时间：${cnMoment(s.deadline)}（北京时间）；地点：${s.openingPlace}（不见面开标）。`),
    h3('五、公告期限'),
    p(`自本公告发布之日起${isTender ? 5 : 3}个工作日。`),
    h3('六、其他补充事宜'),
    p(`${d.depositFen === null ? '本项目不收取投标（响应）保证金。' : `投标（响应）保证金：人民币${money(d.depositFen)}元，以银行转账或保函形式提交。`}本项目落实促进中小企业发展、节能环保产品优先采购等政府采购政策。`),
    h3(`七、对本次${isTender ? '招标' : '采购'}提出询问，请按以下方式联系`),
    contactsTable(ctx),
  ];
  return { title, bodyHtml: body.join('\n') };
}

function singleSource(ctx: NoticeContext, s: Schedule): string[] {
  const d = ctx.draft;
  const i = d.input;
  const experts = ctx.rng.sample(['湖南大学', '中南大学', '湖南师范大学', `${ctx.draft.area.city}第一人民医院`, '湖南省信息产业研究院'], 3);
  return [
    h3('一、项目信息'),
    ul([`采购人：${i.tendererName}`, `项目名称：${i.name}`, `项目编号：${i.projectNo}`, `拟采购的货物或服务的说明：${d.scope}`, `拟采购的货物或服务的预算金额：${money(i.budgetFen)}元`]),
    h3('二、采用单一来源采购方式的原因及说明'),
    p('本项目系对原有系统（设备）的升级改造，为保证与原有采购项目的一致性和服务配套要求，需继续从原供应商处添购，且添购资金总额不超过原合同采购金额的百分之十。'),
    h3('三、拟定供应商信息'),
    p(`拟定供应商名称：${ctx.soleSupplier?.name ?? '详见采购文件'}；地址：${ctx.soleSupplier?.address ?? '详见采购文件'}。公示期满无异议后组织协商。`),
    h3('四、专业人员论证意见'),
    p(`经${experts.map((x) => `${x}专家`).join('、')}论证，同意采用单一来源采购方式。`),
    h3('五、公示期限'),
    p(`${cnDay(s.docSaleStart)}至${cnDay(s.docSaleEnd)}（不少于5个工作日）。协商时间：${cnMoment(s.deadline)}，地点：${s.openingPlace}。`),
    h3('六、其他补充事宜'),
    p('任何供应商、单位或者个人对采用单一来源采购方式公示有异议的，可以在公示期内将书面意见反馈至采购人、采购代理机构，并同时抄送同级财政部门。'),
    h3('七、联系方式'),
    contactsTable(ctx),
  ];
}

function landTender(ctx: NoticeContext, s: Schedule): Text {
  const d = ctx.draft;
  const i = d.input;
  const land = d.land;
  if (!land) throw new Error('landTender needs land facts');
  const listing = i.method === 'listing';
  const verb = listing ? '挂牌' : '拍卖';
  const row = land.isMining
    ? [i.projectNo, d.location, land.use, `${(land.areaM2 / 1_000_000).toFixed(4)}平方千米`, `${land.years}年`, money(i.budgetFen), money(d.depositFen)]
    : [i.projectNo, d.location, land.use, `${land.areaM2.toLocaleString('en-US')}平方米`, land.plotRatio, `${land.years}年`, money(i.budgetFen), money(d.depositFen)];
  const head = land.isMining ? ['编号', '位置', '矿种及规模', '矿区面积', '出让年限', '起始价（元）', '竞买保证金（元）'] : ['编号', '位置', '用途', '面积', '容积率', '出让年限', '起始价（元）', '竞买保证金（元）'];
  const body = [
    p(land.isMining ? `根据《中华人民共和国矿产资源法》和《矿业权出让交易规则》，${i.tendererName}决定以${verb}方式出让以下采矿权。现将有关事项公告如下：` : `经${ctx.profile.government}批准，${i.tendererName}决定以${verb}方式出让以下地块的国有建设用地使用权。现将有关事项公告如下：`),
    h3(`一、${verb}出让${land.isMining ? '采矿权' : '地块'}的基本情况`),
    table(head, [row]),
    p(`增价幅度：每次${money(land.incrementFen)}元或其整数倍。`),
    h3('二、竞买人范围'),
    p(`${d.qualification}。`),
    h3('三、出让文件的获取'),
    p(`申请人可于${cnDay(s.docSaleStart)}至${cnDay(s.docSaleEnd)}登录${ctx.profile.siteName}获取出让文件，并按出让文件要求提交竞买申请、缴纳竞买保证金。竞买申请截止时间为${cnMoment(s.deadline)}，竞买保证金须在截止时间前到账。`),
    h3(`四、${verb}时间和地点`),
    p(
      listing && s.listingStart !== null
        ? `挂牌时间：${cnDay(s.listingStart)}9时至${cnMoment(s.opening)}；挂牌地点：${s.openingPlace}。挂牌期限届满，有两个以上竞买人要求报价的，转入现场竞价。`
        : `拍卖时间：${cnMoment(s.opening)}；拍卖地点：${s.openingPlace}。`,
    ),
    h3('五、其他需要公告的事项'),
    p(`本次${verb}出让设有底价，按照价高者得原则确定竞得人。竞得人须在成交后与出让人签订成交确认书，并在10个工作日内签订出让合同。`),
    h3('六、联系方式'),
    contactsTable(ctx),
  ];
  return { title: `${i.name}公告`, bodyHtml: body.join('\n') };
}

function assetTender(ctx: NoticeContext, s: Schedule): Text {
  const d = ctx.draft;
  const i = d.input;
  const body = [
    p(`受${i.tendererName}委托，${ctx.agentName}对下列国有资产进行公开${i.method === 'auction' ? '拍卖' : '挂牌'}，现将有关事项公告如下：`),
    h3('一、标的基本情况'),
    ul([`项目编号：${i.projectNo}`, `标的名称：${i.name}`, `标的概况：${d.scope}`, `标的所在地：${d.location}`, `转让底价：${money(i.budgetFen)}元`, `交易保证金：${money(d.depositFen)}元`]),
    h3('二、信息披露期'),
    p(`${cnDay(s.docSaleStart)}至${cnDay(s.docSaleEnd)}（${d.period.replace(/^.*：/, '')}）。`),
    h3('三、受让方资格条件'),
    p(`${d.qualification}。`),
    h3('四、报名及交易方式'),
    p(`意向受让方须于${cnMoment(s.deadline)}前登录${ctx.profile.siteName}提交受让申请并缴纳交易保证金。征集到两个及以上符合条件的意向受让方的，于${cnMoment(s.opening)}通过${s.openingPlace}进行网络竞价；只征集到一个的，以不低于转让底价的价格协议成交。`),
    h3('五、其他事项'),
    p(`意向受让方可在信息披露期内预约现场踏勘。本项目的监督部门为${d.supervisor}。`),
    h3('六、联系方式'),
    contactsTable(ctx),
  ];
  return { title: `${i.name}公告`, bodyHtml: body.join('\n') };
}

const AMENDMENT_TITLES: Record<AmendmentChange['kind'], string> = { clarify: '答疑澄清公告', documents: '变更公告', postpone: '延期开标公告', venue: '开标地点变更公告' };

const QUESTIONS: Record<'works' | 'procurement' | 'sale', readonly [string, string][]> = {
  works: [
    ['类似业绩的认定以合同签订时间还是竣工验收时间为准？', '以竣工（交工）验收时间为准，须提供合同及竣工验收证明材料。'],
    ['电子保函能否作为投标保证金的提交形式？', '可以，电子保函须在投标截止时间前完成开具并经系统校验。'],
    ['项目负责人社保证明须提供几个月？', '须提供投标截止时间前连续6个月的社保缴纳证明。'],
    ['工程量清单中部分项目特征描述与图纸不一致如何处理？', '以本次澄清发布的修正版工程量清单为准。'],
    ['暂列金额是否计入投标报价？', '暂列金额按招标工程量清单所列金额计入投标总价，不得调整。'],
  ],
  procurement: [
    ['技术参数中的带“★”条款是否允许负偏离？', '带“★”条款为实质性要求，不允许负偏离。'],
    ['中小企业声明函是否需要加盖公章？', '按采购文件规定格式填写并加盖投标人电子签章。'],
    ['所投产品是否须提供原厂授权？', '本项目不要求提供原厂授权，但须承诺所投产品为全新正品。'],
    ['近三年类似业绩以何种材料证明？', '提供合同关键页及验收报告复印件，加盖公章。'],
  ],
  sale: [
    ['竞买保证金能否由他人代缴？', '竞买保证金须由竞买申请人本人（单位）账户缴纳，不接受代缴。'],
    ['能否以联合体形式申请竞买？', '可以，联合体各方须签订联合竞买协议并明确各方出资比例。'],
  ],
};

export function amendmentText(ctx: NoticeContext, o: { sched: Schedule; change: AmendmentChange; day: number; index: number }): Text {
  const d = ctx.draft;
  const i = d.input;
  const { change, sched } = o;
  const isWorks = i.category === 'works';
  const bidderWord = isWorks ? '投标人' : d.land || i.category === 'state_assets' ? '竞买人（意向受让方）' : '供应商';
  const docs = isWorks ? '招标文件' : d.land || i.category === 'state_assets' ? '出让（转让）文件' : '采购文件';
  const content: string[] = [];
  if (change.kind === 'clarify') {
    const set = d.land || i.category === 'state_assets' ? QUESTIONS.sale : isWorks ? QUESTIONS.works : QUESTIONS.procurement;
    const qa = ctx.rng.sample(set, set.length > 2 ? 3 : 2);
    content.push(p(`现对潜在${bidderWord}提出的问题澄清如下：`), ul(qa.map(([q, a]) => `问：${q} 答：${a}`)));
  } else if (change.kind === 'documents') {
    content.push(p(`1.${ctx.rng.pick(isWorks ? ['工程量清单部分项目漏项，现补充发布修正版工程量清单', '施工图纸部分节点设计调整，现补充发布修改后的图纸', '评标办法中类似业绩的时间要求由近三年调整为近五年'] : d.isService ? ['服务要求中人员配备标准调整，详见修改后的采购文件', '评分标准中类似业绩的评分条款修改', '服务考核办法部分条款修改'] : ['采购需求中部分技术参数调整，详见修改后的采购文件', '评分标准中类似业绩的评分条款修改', '交货期由合同签订后30日内调整为45日内'])}。`));
    if (change.deadline) content.push(p(`2.投标（响应）截止时间及开标时间由${cnMoment(sched.deadline)}变更为${cnMoment(change.deadline)}，开标地点不变。`));
  } else if (change.kind === 'postpone' && change.deadline) {
    content.push(p(`因${ctx.rng.pick(['招标人需对项目部分内容进一步核实', '开评标场地调整', '采购人需进一步完善采购需求'])}，投标（响应）截止时间及开标时间由${cnMoment(sched.deadline)}变更为${cnMoment(change.deadline)}。`));
  } else if (change.openingPlace) {
    content.push(p(`开标地点由${sched.openingPlace}变更为${change.openingPlace}，开标时间不变。`));
  }
  const current = change.deadline ?? sched.deadline;
  const owner = roleWords(ctx).owner;
  const body = [
    p(`${i.tendererName}（${owner}）委托${ctx.agentName}于${cnDay(d.startDay)}在${ctx.profile.siteName}发布了${i.name}的${isWorks ? '招标公告' : d.land || i.category === 'state_assets' ? '交易公告' : '采购公告'}。根据项目实际情况及潜在${bidderWord}提出的问题，现对${docs}作如下更正（澄清）：`),
    h3('一、项目基本情况'),
    ul([`原公告的项目编号：${i.projectNo}`, `原公告的项目名称：${i.name}`, `首次公告日期：${cnDay(d.startDay)}`]),
    h3('二、更正信息'),
    p(`更正事项：${change.kind === 'clarify' ? `${docs}澄清` : change.kind === 'documents' ? docs : '采购公告'}。更正内容：`),
    ...content,
    p(`更正日期：${cnDay(o.day)}。`),
    h3('三、其他补充事宜'),
    p(`除上述内容外，原公告其他内容不变。本澄清（修改）文件是${docs}的组成部分，与${docs}具有同等效力；潜在${bidderWord}请登录${ctx.profile.siteName}下载，未及时下载造成的后果由其自行承担。`),
    p(`更正后的投标（响应、竞买申请）截止时间为${cnMoment(current)}，开标（开启）地点为${change.openingPlace ?? sched.openingPlace}。本项目的行政监督部门为${d.supervisor}。`),
    h3('四、联系方式'),
    contactsTable(ctx),
    p(`特此公告。${ctx.agentName}，${cnDay(o.day)}。`),
  ];
  const suffix = o.index > 1 ? `（第${cnNumber(o.index)}次）` : '';
  const title = `${i.name}${isWorks || change.kind !== 'documents' ? AMENDMENT_TITLES[change.kind] : '更正公告'}${suffix}`;
  return { title, bodyHtml: body.join('\n') };
}

export function lotsTable(ctx: NoticeContext, amountLabel: string): string {
  const lots = ctx.draft.input.lots;
  return table(
    ['标段（包）', '名称', amountLabel],
    lots.map((l) => [String(l.lotNo), lots.length === 1 ? '全部内容' : l.name, money(l.budgetFen)]),
  );
}

export function roleWords(ctx: NoticeContext): { owner: string; agent: string } {
  const c = ctx.draft.input.category;
  if (c === 'works') return { owner: '招标人', agent: '招标代理机构' };
  if (c === 'land_mining') return { owner: '出让人', agent: '代理机构' };
  if (c === 'state_assets') return { owner: '转让方', agent: '交易服务机构' };
  return { owner: '采购人', agent: '采购代理机构' };
}

export function contactsTable(ctx: NoticeContext): string {
  const r = roleWords(ctx);
  return table(
    ['', '名称', '地址', '联系人', '电话'],
    [
      [r.owner, ctx.draft.input.tendererName, ctx.tendererAddress, ctx.tendererContact.name, ctx.tendererContact.phone],
      [r.agent, ctx.agentName, ctx.agentAddress, ctx.contact.name, ctx.contact.phone],
    ],
  );
}

/** 1,234,567.89 — what trading.model's yuan() prints, without an Intl call per amount (thousands per plan). */
export function money(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

const SPECIAL = /[&<>]/;

function esc(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function p(s: string): string {
  return `<p>${esc(s)}</p>`;
}

export function h3(s: string): string {
  return `<h3>${esc(s)}</h3>`;
}

export function ul(items: readonly string[]): string {
  return `<ul>${items.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = head.map((x) => `<th>${esc(x)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}
