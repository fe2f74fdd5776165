import type { CenterProfile } from './demo-centers.ts';
import { addDays, beijingDay, cnDate, cnNumber, isoDay, localWord, type DraftText, type TextContext } from './demo-text.ts';

export type PolicyText = DraftText & { docName: string };
export type PolicyValidity = 'in_force' | 'amended' | 'repealed';

type Issuer = { body: string; docWord: string; isNormative: boolean };

function issuers(p: CenterProfile): Issuer[] {
  const isProvince = p.level === 'province';
  return [
    { body: `${p.place}公共资源交易管理委员会办公室`, docWord: `${p.docAbbr}公管办`, isNormative: true },
    { body: `${p.place}发展和改革委员会`, docWord: `${p.docAbbr}发改公管`, isNormative: true },
    { body: `${p.place}财政${isProvince ? '厅' : '局'}`, docWord: `${p.docAbbr}财购`, isNormative: true },
    { body: `${p.government}${p.level === 'county' ? '办公室' : '办公厅'}`, docWord: `${p.docAbbr}政办发`, isNormative: true },
    { body: p.name, docWord: `${p.docAbbr}公资交发`, isNormative: false },
  ];
}

/** Rules a center publishes; `{P}` is the area (湖南省 / 长沙市). Those issued by the center itself are internal rules. */
const RULES: readonly { name: string; issuer: number; articles: readonly string[] }[] = [
  { name: '{P}公共资源交易平台服务管理细则', issuer: 1, articles: ['公共资源交易平台应当坚持公开、公平、公正和诚实信用原则，依法提供交易服务，不得违法从事或者变相从事行政监管和市场经营活动。', '交易平台应当建立健全网上交易服务系统，实现交易项目进场登记、信息发布、场地预约、开标评标、档案管理等全流程电子化。', '交易平台应当按照规定公开交易公告、资格审查结果、成交信息、履约信息以及有关变更信息。'] },
  { name: '{P}公共资源交易评标专家和评标专家库管理办法', issuer: 0, articles: ['评标专家库实行统一建设、资源共享、分级使用、动态管理。', '评标专家应当客观、公正地履行职责，遵守职业道德，对所提出的评审意见承担个人责任。', '评标专家有下列情形之一的，暂停其评标资格：无正当理由拒不参加评标的；评标过程中擅离职守的；不按照招标文件规定的评标标准和方法评标的。'] },
  { name: '{N}网站信息发布审核办法', issuer: 4, articles: ['网站信息发布实行“四级审核”制度，由起草部门负责人初审、综合部核稿、分管领导审阅、主要领导审定发布。', '已发布信息确需更正的，应当以更正方式发布新版本并注明更正内容，不得直接修改已发布信息。', '信息发布部门应当定期开展错链、错字和内容保障检查，发现问题及时处理。'] },
  { name: '{P}电子招标投标活动实施细则', issuer: 1, articles: ['电子招标投标活动应当通过依法设立的电子交易系统进行，数据电文形式与纸质形式的招标投标活动具有同等法律效力。', '投标人应当在投标截止时间前完成投标文件的传输递交，投标截止时间前可以补充、修改或者撤回投标文件。', '电子开标应当按照招标文件确定的时间，在电子交易系统上公开进行，所有投标人均应当准时在线参加开标。'] },
  { name: '{P}公共资源交易远程异地评标管理暂行办法', issuer: 1, articles: ['远程异地评标是指依托电子交易系统，由分处不同地点的评标专家在各自所在地的交易场所同步完成评标的方式。', '主场交易中心负责项目的组织协调，副场交易中心负责本场地评标专家的签到、见证和后勤保障。', '远程异地评标全过程应当录音录像，音视频资料保存期限不少于项目档案保存期限。'] },
  { name: '{N}开评标现场管理规定', issuer: 4, articles: ['开评标区域实行封闭管理，评标专家和有关工作人员进入评标区域前应当将通讯工具存放于指定位置。', '开标评标全过程录音录像，任何人不得擅自关闭或者遮挡录音录像设备。', '评标期间，无关人员不得进入评标区域，不得以任何方式干扰评标活动。'] },
  { name: '{P}公共资源交易保证金管理办法', issuer: 2, articles: ['投标保证金可以以现金、银行保函、保险保单或者电子保函等形式提交，招标人不得拒绝投标人以保函形式提交保证金。', '交易中心应当在中标通知书发出后五日内退还未中标人的投标保证金及银行同期存款利息。', '任何单位和个人不得挪用、截留投标保证金。'] },
  { name: '{P}公共资源交易领域信用信息管理办法', issuer: 0, articles: ['公共资源交易信用信息包括市场主体的基本信息、良好行为信息和不良行为信息。', '不良行为信息公开期限一般为六个月至三年，法律法规另有规定的从其规定。', '交易平台应当将信用信息共享至信用信息共享平台，依法实施守信激励和失信惩戒。'] },
  { name: '{P}政府采购电子卖场管理办法', issuer: 2, articles: ['电子卖场是指依托互联网，为采购人采购限额标准以下的通用货物和服务提供在线交易的平台。', '供应商应当如实提供商品信息和价格，不得以低于成本的报价参与竞争或者虚假宣传。', '采购人应当按照合同约定及时组织验收和支付资金。'] },
  { name: '{P}公共资源交易目录（{Y}年版）', issuer: 3, articles: ['列入本目录的公共资源交易项目，应当进入公共资源交易平台进行交易。', '本目录包括工程建设项目招标投标、政府采购、土地使用权和矿业权出让、国有产权交易、医药采购等交易事项。', '本目录实行动态调整，根据法律法规和国家政策变化适时修订。'] },
  { name: '{N}政府信息公开工作制度', issuer: 4, articles: ['中心坚持以公开为常态、不公开为例外，依法主动公开政府信息。', '公民、法人或者其他组织申请获取政府信息的，中心应当依法在规定期限内予以答复。', '中心每年1月31日前向社会公布上一年度政府信息公开工作年度报告。'] },
];

/** The name inside a 关于印发《…》的通知 title, or the title itself. */
function wrapTitle(ctx: TextContext, docName: string, isInternal: boolean): string {
  if (isInternal) return `关于印发《${docName}》的通知`;
  return ctx.rng.chance(0.7) ? `关于印发《${docName}》的通知` : docName;
}

/**
 * A 政策文件 with its 文号, 发文机关 and dates. The validity is the state at seeding time (the plan gives
 * it only to old documents); a repealed one gets a 废止日期 between publication and a month ago.
 */
export function policyText(ctx: TextContext, opts: { now: Date; ruleIndex: number; validity: PolicyValidity }): PolicyText {
  const { rng, profile, at } = ctx;
  const rule = RULES[opts.ruleIndex % RULES.length] ?? RULES[0];
  if (!rule) throw new Error('no policy rules');
  const issuedAt = addDays(at, -rng.int(1, 12));
  const y = beijingDay(issuedAt).y;
  const round = Math.floor(opts.ruleIndex / RULES.length);
  const baseName = rule.name.replace('{P}', profile.place).replace('{N}', profile.name).replace('{Y}', String(y));
  // A rule published a second time within the history is its revised edition.
  const docName = round > 0 && !baseName.includes('年版') ? `${baseName}（${y}年修订）` : baseName;
  const issuer = issuers(profile)[rule.issuer] ?? issuers(profile)[0];
  if (!issuer) throw new Error('no issuer');
  const docNo = `${issuer.docWord}〔${y}〕${rng.int(1, 48)}号`;
  const effectiveAt = rng.chance(0.5) ? issuedAt : addDays(issuedAt, 30);
  const ageDays = (opts.now.getTime() - at.getTime()) / 86400_000;
  const validity = opts.validity;
  const fields: Record<string, string | boolean> = {
    docNo,
    issuingBody: issuer.body,
    issuedOn: isoDay(issuedAt),
    effectiveOn: isoDay(effectiveAt),
    validity,
    isNormative: issuer.isNormative,
  };
  if (validity === 'repealed') fields.repealedOn = isoDay(addDays(at, rng.int(Math.min(90, Math.floor(ageDays / 2)), Math.max(1, Math.floor(ageDays) - 30))));
  const word = localWord(profile);
  const kind = docKind(docName);
  const isInternal = !issuer.isNormative;
  const scopeLine = isInternal ? '本中心' : `本${word}行政区域内`;
  const articles = [
    `第一条 为规范公共资源交易活动，提高交易服务质量，维护国家利益、社会公共利益和交易当事人的合法权益，根据《中华人民共和国招标投标法》《中华人民共和国政府采购法》《公共资源交易平台管理暂行办法》等有关规定，结合本${word}实际，制定本${kind}。`,
    `第二条 ${scopeLine}公共资源交易活动及其服务管理，适用本${kind}。`,
    ...rule.articles.map((a, i) => `第${cnNumber(i + 3)}条 ${a}`),
    `第${cnNumber(rule.articles.length + 3)}条 本${kind}自${cnDate(effectiveAt)}起施行。`,
  ];
  const title = wrapTitle(ctx, docName, isInternal);
  const salutation = isInternal ? '中心各部门：' : profile.level === 'province' ? '各市州公共资源交易中心，各有关单位：' : profile.level === 'city' ? '各县市区公共资源交易中心，各有关单位：' : '各乡镇（街道）、各有关单位：';
  const paragraphs = title.startsWith('关于印发') ? [salutation, `现将《${docName}》印发给你们，请认真贯彻执行。`, issuer.body, cnDate(issuedAt), docName, ...articles] : articles;
  return { title, paragraphs, source: issuer.body, fields, docName };
}

function docKind(docName: string): string {
  if (docName.includes('目录')) return '目录';
  const tail = docName.replace(/（[^）]*）$/, '').slice(-2);
  return ['办法', '细则', '规定', '制度'].includes(tail) ? tail : '办法';
}

/** A 政策解读 of a policy; the plan links it through fields.policyArticleId. */
export function interpretationText(ctx: TextContext, policy: PolicyText): DraftText {
  const { rng, profile } = ctx;
  const title = rng.pick([`《${policy.docName}》政策解读`, `一图读懂《${policy.docName}》`, `关于《${policy.docName}》的解读`]);
  const docNo = typeof policy.fields?.docNo === 'string' ? policy.fields.docNo : '';
  const paragraphs = [
    `近日，${policy.source}印发了《${policy.docName}》（${docNo}）。为便于社会公众和市场主体准确理解文件内容，现就有关情况解读如下。`,
    `一、起草背景。近年来，${profile.scope}公共资源交易规模持续扩大，交易方式由线下向线上全面转变，原有制度中部分规定已不能适应新形势新要求，亟需修订完善。`,
    `二、主要内容。文件共分为总则、交易服务、信息公开、监督管理和附则等部分，重点明确了交易平台的服务职责、交易流程和信息公开要求。`,
    `三、主要变化。一是${rng.pick(['进一步压缩了交易服务办理时限', '全面推行电子保函替代现金保证金', '明确了远程异地评标的组织方式'])}；二是${rng.pick(['强化了信用信息在交易活动中的应用', '细化了评标专家的管理要求', '规范了交易信息公开的范围和时限'])}；三是完善了违规行为的处理措施。`,
    `四、施行时间。文件自${typeof policy.fields?.effectiveOn === 'string' ? cnDate(new Date(`${policy.fields.effectiveOn}T00:00:00+08:00`)) : '印发之日'}起施行。`,
  ];
  return { title, paragraphs, source: profile.name };
}
