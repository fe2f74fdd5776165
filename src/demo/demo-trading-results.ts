import type { Candidate, Winner } from '../trading/trading.model.ts';
import { personNames } from './demo-text.ts';
import { contactsTable, h3, money, p, roleWords, table, ul, type NoticeContext, type Schedule, type Text } from './demo-trading-bodies.ts';
import { cnDay, cnMoment } from './demo-trading-dates.ts';
import type { Firm } from './demo-trading-names.ts';

/**
 * Titles and bodies of the notices after the opening: 中标候选人公示 (10号令 第六条), 中标（成交）结果公告
 * (50号 template 5), 终止/流标公告 and 合同公告 (template 8).
 */

export type Bidding = { bidders: Firm[] };

export function candidatesText(ctx: NoticeContext, o: { sched: Schedule; candidates: Candidate[]; reportDay: number; publicityStart: number; publicityEnd: number; bidders: number }): Text {
  const d = ctx.draft;
  const i = d.input;
  const multi = i.lots.length > 1;
  const duration = d.period.replace(/^.*：/, '');
  const lowest = ctx.rng.chance(0.3);
  const body = [
    p(`${i.name}（项目编号：${i.projectNo}）于${cnMoment(o.sched.opening)}在${o.sched.openingPlace}开标，评标委员会于${cnDay(o.reportDay)}完成评标并向招标人提交了书面评标报告。根据《中华人民共和国招标投标法实施条例》第五十四条的规定，现将中标候选人公示如下：`),
    h3('一、中标候选人及其排序'),
    table(
      [...(multi ? ['标段'] : []), '排序', '中标候选人名称', '投标报价（元）', '质量', d.worksKind === 'supervision' ? '服务期' : '工期', '项目负责人及证书编号'],
      o.candidates.map((c) => [...(multi ? [String(c.lotNo)] : []), `第${c.rank}名`, c.name, money(c.priceFen), '合格', duration, c.projectManager ?? '']),
    ),
    h3('二、评标情况'),
    p(`本项目采用${lowest ? '经评审的最低投标价法' : '综合评估法'}，共有${o.bidders}家投标人递交投标文件，均通过初步评审。中标候选人响应招标文件要求的资格能力条件：资质、业绩、项目负责人均满足招标文件要求，详见评标报告。`),
    h3('三、公示期'),
    p(`${cnDay(o.publicityStart)}至${cnDay(o.publicityEnd)}。`),
    h3('四、提出异议的渠道和方式'),
    p(`投标人或者其他利害关系人对评标结果有异议的，应当在中标候选人公示期间以书面形式向招标人提出，并附相关证明材料；逾期不予受理。也可向${d.supervisor}反映。`),
    h3('五、联系方式'),
    contactsTable(ctx),
  ];
  return { title: `${i.name}中标候选人公示`, bodyHtml: body.join('\n') };
}

export function awardText(ctx: NoticeContext, o: { sched: Schedule; winners: Winner[]; candidates: Candidate[]; awardNoticeOn: number; note: string; bidders: number; day: number }): Text {
  const d = ctx.draft;
  const i = d.input;
  const c = i.category;
  if (d.land || c === 'state_assets') return saleResult(ctx, o);
  const lotName = (lotNo: number) => (i.lots.length > 1 ? (i.lots.find((l) => l.lotNo === lotNo)?.name ?? '') : '全部');
  if (c === 'works') {
    const body = [
      p(`${i.name}（项目编号：${i.projectNo}）于${cnMoment(o.sched.opening)}开标，中标候选人公示期已满，公示期间未收到异议。经招标人依法确定，现将中标结果公告如下：`),
      h3('一、中标人'),
      table(['标段', '中标人', '中标价（元）', '工期（服务期）', '质量', '项目负责人'], o.winners.map((w) => [lotName(w.lotNo), w.name, money(w.priceFen), d.period.replace(/^.*：/, ''), '合格', o.candidates.find((c) => c.lotNo === w.lotNo && c.name === w.name)?.projectManager ?? ''])),
      ...(o.note ? [p(o.note)] : []),
      h3('二、其他中标候选人'),
      table(['标段', '排序', '名称', '投标报价（元）'], o.candidates.filter((c) => !o.winners.some((w) => w.lotNo === c.lotNo && w.name === c.name)).map((c) => [lotName(c.lotNo), `第${c.rank}名`, c.name, money(c.priceFen)])),
      h3('三、评标委员会'),
      p(`评标委员会由${ctx.rng.pick([5, 7])}人组成，其中招标人代表1名，其余评标专家从湖南省综合评标专家库中随机抽取。本项目共有${o.bidders}家投标人递交投标文件。`),
      h3('四、其他'),
      p(`中标通知书发出日期：${cnDay(o.awardNoticeOn)}。请中标人自中标通知书发出之日起30日内与招标人签订书面合同，并按招标文件约定提交履约担保；未中标投标人的投标保证金将在5日内退还。`),
      h3('五、联系方式'),
      contactsTable(ctx),
      p(`监督部门：${d.supervisor}。`),
    ];
    return { title: `${i.name}中标结果公示`, bodyHtml: body.join('\n') };
  }
  const experts = personNames(ctx.rng, i.method === 'inquiry' ? 3 : 5);
  const fee = Math.round(o.winners.reduce((s, w) => s + w.priceFen, 0) * 0.008);
  const body = [
    p(`${i.name}已于${cnMoment(o.sched.opening)}在${o.sched.openingPlace}完成${i.method === 'open_tender' ? '开标、评标' : '响应文件开启和评审'}工作，经${i.tendererName}确认，现将${i.method === 'open_tender' ? '中标' : '成交'}结果公告如下：`),
    h3('一、项目编号'),
    p(i.projectNo),
    h3('二、项目名称'),
    p(i.name),
    h3('三、中标（成交）信息'),
    table(['包号', '供应商名称', '中标（成交）金额（元）'], o.winners.map((w) => [lotName(w.lotNo), w.name, money(w.priceFen)])),
    h3('四、主要标的信息'),
    p(`${d.isService ? '服务' : '货物'}名称及范围：${d.scope}；${d.period}。`),
    h3('五、评审专家（单一来源采购人员）名单'),
    p(`${experts.join('、')}（其中${experts[experts.length - 1] ?? ''}为采购人代表）。`),
    h3('六、代理服务收费标准及金额'),
    p(`参照原国家计委计价格〔2002〕1980号文件标准收取，代理服务费${money(fee)}元，由中标（成交）供应商支付。`),
    h3('七、公告期限'),
    p('自本公告发布之日起1个工作日。'),
    h3('八、其他补充事宜'),
    p(`本项目共有${Math.max(o.bidders, 1)}家供应商递交投标（响应）文件。中标（成交）通知书已于${cnDay(o.awardNoticeOn)}发出。各有关当事人对中标（成交）结果有异议的，可以在中标（成交）结果公告期限届满之日起7个工作日内以书面形式向采购人或采购代理机构提出质疑。`),
    h3('九、凡对本次公告内容提出询问，请按以下方式联系'),
    contactsTable(ctx),
  ];
  return { title: `${i.name}${i.method === 'open_tender' ? '中标' : '成交'}结果公告`, bodyHtml: body.join('\n') };
}

function saleResult(ctx: NoticeContext, o: { sched: Schedule; winners: Winner[]; awardNoticeOn: number; bidders: number }): Text {
  const d = ctx.draft;
  const i = d.input;
  const start = i.budgetFen ?? 0;
  const w = o.winners[0];
  if (!w) throw new Error(`${d.key}: a sale result needs a winner`);
  const premium = start > 0 ? (((w.priceFen - start) / start) * 100).toFixed(2) : '0.00';
  const who = d.land ? '竞得人' : '受让方';
  const body = [
    p(`根据${i.tendererName}的委托，${i.name}（编号：${i.projectNo}）已于${cnMoment(o.sched.opening)}在${o.sched.openingPlace}依法${i.method === 'auction' ? '拍卖' : '挂牌'}成交，现将结果公示如下：`),
    table(['编号', '标的', '位置', '起始价（元）', '成交价（元）', '溢价率', who], [[i.projectNo, d.land?.use ?? i.name, d.location, money(start), money(w.priceFen), `${premium}%`, w.name]]),
    p(`标的概况：${d.scope}。`),
    p(`本次交易共有${o.bidders}家${d.land ? '竞买人' : '意向受让方'}参与，${o.bidders > 1 ? '经多轮竞价' : '按起始价'}确定${who}。成交确认书已于${cnDay(o.awardNoticeOn)}签订。`),
    p(d.land ? `竞得人须在成交确认书签订后10个工作日内与出让人签订${d.land.isMining ? '采矿权出让合同' : '国有建设用地使用权出让合同'}，并按合同约定缴清出让价款；已缴纳的竞买保证金抵作出让价款。未竞得的竞买人所缴保证金于交易结束后5个工作日内无息退还。` : '受让方须在成交后5个工作日内签订产权交易合同，交易价款一次性支付至交易中心结算账户。未成交的意向受让方所缴保证金于交易结束后5个工作日内无息退还。'),
    p(`公示期：自本公示发布之日起${d.land ? 10 : 5}个工作日。对公示内容有异议的，请在公示期内以书面形式向${roleWords(ctx).owner}或${ctx.profile.name}反映。`),
    h3('联系方式'),
    contactsTable(ctx),
  ];
  return { title: `${i.name}${d.land ? '结果公示' : '成交公告'}`, bodyHtml: body.join('\n') };
}

export function terminationText(ctx: NoticeContext, o: { sched: Schedule; kind: 'terminated' | 'failed'; day: number; bidders: number }): Text {
  const d = ctx.draft;
  const i = d.input;
  const isSale = d.land !== null || i.category === 'state_assets';
  const title = o.kind === 'terminated' ? `${i.name}终止公告` : isSale ? `${i.name}流拍公告` : `${i.name}${i.category === 'works' ? '流标' : '废标'}公告`;
  const reason =
    o.kind === 'terminated'
      ? `因${ctx.rng.pick(['项目建设内容发生重大调整', '项目资金来源发生变化', '上级主管部门对项目实施方案进行调整', '采购需求发生重大变化'])}，经${roleWords(ctx).owner}研究决定，终止本项目的交易活动。`
      : isSale
        ? `截至${cnMoment(o.sched.deadline)}，${o.bidders === 0 ? '无竞买人提交竞买申请' : '竞买人均未报价'}，本次交易流拍。出让（转让）人将另行组织交易。`
        : `本项目于${cnMoment(o.sched.opening)}开标，投标截止时递交投标（响应）文件的${i.category === 'works' ? '投标人' : '供应商'}为${o.bidders}家，不足三家。根据${i.category === 'works' ? '《中华人民共和国招标投标法》第二十八条' : '《中华人民共和国政府采购法》第三十六条'}的规定，本次${i.category === 'works' ? '招标失败' : '采购作废标处理'}，${roleWords(ctx).owner}将依法重新组织。`;
  const body = [
    p(`${i.tendererName}委托${ctx.agentName}于${cnDay(d.startDay)}在${ctx.profile.siteName}发布的${i.name}${isSale ? '交易公告' : i.category === 'works' ? '招标公告' : '采购公告'}，现因故${o.kind === 'terminated' ? '终止' : isSale ? '流拍' : '流标（废标）'}。有关事项公告如下：`),
    h3('一、项目基本情况'),
    ul([`项目编号：${i.projectNo}`, `项目名称：${i.name}`, `首次公告日期：${cnDay(d.startDay)}`, `预算金额（起始价）：${money(i.budgetFen)}元`]),
    h3(o.kind === 'terminated' ? '二、项目终止的原因' : '二、流标（废标）的原因'),
    p(reason),
    h3('三、其他补充事宜'),
    p('已缴纳投标（竞买）保证金的，保证金将于本公告发布之日起5个工作日内原路无息退还；已获取招标（采购、出让）文件的，文件免费获取，无需退费。由此给各潜在投标人带来的不便，敬请谅解。'),
    p(`${o.kind === 'terminated' ? '项目后续如重新启动，' : `${roleWords(ctx).owner}将在分析原因、完善${isSale ? '交易条件' : '招标（采购）文件'}后重新组织交易，`}届时将另行发布公告，敬请关注${ctx.profile.siteName}。本项目的监督部门为${d.supervisor}。`),
    p(`公告日期：${cnDay(o.day)}。`),
    h3('四、联系方式'),
    contactsTable(ctx),
  ];
  return { title, bodyHtml: body.join('\n') };
}

export function contractText(ctx: NoticeContext, o: { winner: Winner; contractNo: string; signedOn: number; day: number }): Text {
  const d = ctx.draft;
  const i = d.input;
  const r = roleWords(ctx);
  const lot = i.lots.length > 1 ? i.lots.find((l) => l.lotNo === o.winner.lotNo) : undefined;
  const name = d.land ? `${i.name.replace(/(挂牌|拍卖)出让$/, '')}出让合同` : `${i.name}${lot ? `（${lot.name}）` : ''}合同`;
  const parties = i.category === 'works' ? ['发包人', '承包人'] : d.land ? ['出让人（甲方）', '受让人（乙方）'] : i.category === 'state_assets' ? ['转让方（甲方）', '受让方（乙方）'] : ['采购人（甲方）', '供应商（乙方）'];
  const basis = i.category === 'state_assets' ? '《企业国有资产交易监督管理办法》' : d.land ? (d.land.isMining ? '《矿业权出让交易规则》' : '《招标拍卖挂牌出让国有建设用地使用权规定》') : i.category === 'works' ? '《湖南省公共资源交易项目履约信息公开办法》' : '《中华人民共和国政府采购法实施条例》第五十条';
  const body = [
    p(`根据${basis}的规定，${i.tendererName}与${o.winner.name}已于${cnDay(o.signedOn)}签订${name}，现将合同主要信息公告如下：`),
    h3('一、合同编号'),
    p(o.contractNo),
    h3('二、合同名称'),
    p(name),
    h3('三、项目编号及名称'),
    p(`${i.projectNo}，${i.name}`),
    h3('四、合同主体'),
    ul([`${parties[0]}：${i.tendererName}，地址：${ctx.tendererAddress}，联系方式：${ctx.tendererContact.phone}`, `${parties[1]}：${o.winner.name}`]),
    h3('五、合同主要信息'),
    ul([
      `主要标的：${d.scope}`,
      d.period,
      `合同金额：${money(o.winner.priceFen)}元`,
      `履约地点：${d.location}`,
      `付款方式：${d.land ? '按出让合同约定的期限缴清出让价款' : i.category === 'works' ? '按月完成工程量的75%支付进度款，竣工验收合格后支付至结算价的97%，余款于缺陷责任期满后支付' : '合同签订后支付30%，验收合格后支付至100%'}`,
      `履约保证：${i.category === 'works' ? '中标人已按招标文件约定提交履约保函' : '按合同约定执行'}`,
    ]),
    h3('六、合同签订日期'),
    p(cnDay(o.signedOn)),
    h3('七、合同公告日期'),
    p(cnDay(o.day)),
    h3('八、其他补充事宜'),
    p(`${d.land ? (d.land.isMining ? '受让人应按经批准的矿产资源开发利用方案和矿山地质环境保护与土地复垦方案进行开采。' : '受让人应按出让合同约定的开竣工时间进行开发建设。') : '合同履行完毕后，由' + (r.owner === '招标人' ? '发包人' : '采购人') + '按合同约定组织验收，验收结果将另行公开。'}合同全文详见附件（已按规定对涉及商业秘密的内容作删除处理）。如对合同公告有疑问，请联系${ctx.contact.name}，电话${ctx.contact.phone}。`),
  ];
  return { title: `${i.name}${lot ? `（${lot.name}）` : ''}合同公告`, bodyHtml: body.join('\n') };
}
