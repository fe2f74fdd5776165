import { centerPhone, DEPARTMENT_NAMES, DEPARTMENT_KEYS, OFFICE_HOURS } from './demo-centers.ts';
import type { PlannedArticle } from './demo-plan.ts';
import { beijingDay, type DraftText, type TextContext } from './demo-text.ts';

type Guide = { title: string; matter: string; legalBasis: string; conditions: string; materials: string; process: string; extension: number; counter: string };

const GUIDES: readonly Guide[] = [
  {
    title: '公共资源交易项目进场登记办事指南',
    matter: '公共资源交易项目进场登记',
    legalBasis: '《中华人民共和国招标投标法》《中华人民共和国政府采购法》《公共资源交易平台管理暂行办法》',
    conditions: '依法必须进入公共资源交易平台交易的项目，已完成项目审批、核准或者备案手续，资金来源已落实。',
    materials: '1. 项目审批、核准或备案文件；2. 招标（采购）委托代理协议；3. 招标（采购）文件；4. 项目登记表（网上填报）。',
    process: '网上申报 → 材料核验 → 场地预约 → 发布公告 → 完成登记',
    extension: 121,
    counter: '一楼服务大厅 1—3 号窗口',
  },
  {
    title: '投标保证金退还办事指南',
    matter: '投标保证金退还',
    legalBasis: '《中华人民共和国招标投标法实施条例》第三十一条、第五十七条',
    conditions: '未中标投标人在中标通知书发出后；中标人在签订书面合同后。',
    materials: '1. 保证金退还申请（系统自动生成）；2. 中标人须上传已签订的书面合同。',
    process: '系统自动核对 → 财务复核 → 原路退还（含同期银行存款利息）',
    extension: 131,
    counter: '一楼服务大厅 5 号窗口',
  },
  {
    title: '市场主体信息库入库登记办事指南',
    matter: '市场主体信息库入库登记',
    legalBasis: '《公共资源交易平台管理暂行办法》《电子招标投标办法》',
    conditions: '依法设立的法人、非法人组织或者自然人，拟参与公共资源交易活动。',
    materials: '1. 营业执照或者其他主体资格证明；2. 法定代表人身份证明；3. 资质证书（如有）；4. 数字证书（CA）。',
    process: '网上注册 → 信息填报 → 在线核验 → 入库完成',
    extension: 122,
    counter: '一楼服务大厅 6 号窗口',
  },
  {
    title: '评标专家入库申请办事指南',
    matter: '综合评标专家入库申请',
    legalBasis: '《评标专家和评标专家库管理办法》',
    conditions: '从事相关专业领域工作满八年并具有高级职称或者同等专业水平，熟悉有关法律法规，年龄不超过七十周岁，身体健康。',
    materials: '1. 身份证；2. 学历学位证书；3. 职称证书或者执业资格证书；4. 单位推荐意见；5. 近期免冠照片。',
    process: '网上申报 → 资格审核 → 入库培训 → 考试考核 → 公示 → 入库',
    extension: 141,
    counter: '二楼专家管理部办公室',
  },
  {
    title: '开评标场地预约办事指南',
    matter: '开评标场地预约',
    legalBasis: '《公共资源交易平台服务标准（试行）》',
    conditions: '已完成进场登记的交易项目。',
    materials: '无需提交纸质材料，通过交易系统在线预约。',
    process: '在线预约 → 系统自动分配场地 → 预约结果短信通知',
    extension: 123,
    counter: '一楼服务大厅 4 号窗口',
  },
  {
    title: '数字证书（CA）办理办事指南',
    matter: '数字证书（CA）新办、续期和变更',
    legalBasis: '《中华人民共和国电子签名法》《电子招标投标办法》',
    conditions: '已在市场主体信息库注册的单位或者个人。',
    materials: '1. 数字证书申请表；2. 营业执照复印件（加盖公章）；3. 经办人身份证；4. 原证书（续期或变更时）。',
    process: '在线申请 → 资料审核 → 制证 → 领取或者邮寄',
    extension: 125,
    counter: '一楼服务大厅 7 号窗口',
  },
];

export const GUIDE_COUNT = GUIDES.length;

/** A 办事指南 with all eight guide fields filled. */
export function guideText(ctx: TextContext, index: number): DraftText {
  const g = GUIDES[index % GUIDES.length] ?? GUIDES[0];
  if (!g) throw new Error('no guides');
  const { profile } = ctx;
  const place = `${profile.street}${g.counter}`;
  const phone = centerPhone(profile, g.extension);
  return {
    title: g.title,
    paragraphs: [`本指南适用于在${profile.name}办理“${g.matter}”事项。`, `办理地点：${place}；办理时间：${OFFICE_HOURS}；咨询电话：${phone}。`, '本事项不收取任何费用。'],
    source: profile.name,
    fields: { matter: g.matter, legalBasis: g.legalBasis, conditions: g.conditions, materials: g.materials, place, hours: `${OFFICE_HOURS}（法定节假日除外）`, phone, process: g.process },
  };
}

/** 机构概况: three fixed pages. */
export function orgText(ctx: TextContext, index: number): DraftText {
  const { profile } = ctx;
  const parent = profile.level === 'province' ? `${profile.place}发展和改革委员会` : `${profile.government}`;
  const pages: DraftText[] = [
    {
      title: '中心简介',
      paragraphs: [
        `${profile.name}是${parent}管理的公益一类事业单位，负责${profile.scope}公共资源交易平台的运行服务工作。`,
        `中心主要为工程建设项目招标投标、政府采购、土地使用权和矿业权出让、国有产权交易、医药采购等公共资源交易活动提供场所、设施和信息服务。`,
        `中心地址：${profile.street}；服务热线：${centerPhone(profile, 101)}；办公时间：${OFFICE_HOURS}。`,
      ],
      source: profile.name,
    },
    {
      title: '主要职责',
      paragraphs: [
        '（一）贯彻执行公共资源交易有关法律法规和政策，拟订公共资源交易服务规范和操作规程。',
        `（二）负责${profile.scope}公共资源交易平台电子交易系统、公共服务系统的建设和运行维护。`,
        '（三）为公共资源交易活动提供场所、设施、信息和见证服务，归集和公开交易信息。',
        '（四）负责评标专家抽取服务，协助行政监督部门对交易活动实施监督。',
        '（五）完成上级交办的其他任务。',
      ],
      source: profile.name,
    },
    {
      title: '内设机构',
      paragraphs: [`${profile.name}内设${DEPARTMENT_KEYS.length}个部门：`, ...DEPARTMENT_KEYS.map((k, i) => `${i + 1}. ${DEPARTMENT_NAMES[k]}`), `各部门联系电话详见“联系我们”，总机：${centerPhone(profile, 101)}。`],
      source: profile.name,
    },
  ];
  const page = pages[index % pages.length];
  if (!page) throw new Error('no org page');
  return page;
}

export const ORG_PAGE_COUNT = 3;

/**
 * The 政府信息公开工作年度报告 of `year`, published in January of the next year: the text-only history of
 * the years before the platform's data begins. The last complete year's report is generated from the seeded
 * applications and published through the review chain instead (demo-annual-reports.ts), so its history
 * article is dropped from the plan by `isGeneratedAnnualReport`.
 */
export function annualReportText(ctx: TextContext, year: number): DraftText {
  const { profile, rng } = ctx;
  const scale = profile.level === 'province' ? 20 : profile.level === 'city' ? 6 : 2;
  const total = rng.int(3000, 6000) * scale;
  const govInfo = rng.int(120, 260) + scale * 5;
  const interpretations = rng.int(2, 8);
  const views = rng.int(80, 400) * scale;
  return {
    title: `${profile.name}${year}年政府信息公开工作年度报告`,
    paragraphs: [
      `根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求，现公布${profile.name}${year}年政府信息公开工作年度报告。本报告数据统计时限为${year}年1月1日至12月31日。`,
      `一、总体情况。${year}年，中心坚持“公开为常态、不公开为例外”，通过${profile.siteName}、微信公众号等渠道发布各类信息${total}条，其中政务信息${govInfo}条，交易信息${total - govInfo}条，网站总访问量${views}万余次。信息发布严格执行起草部门负责人初审、综合部核稿、分管领导审阅、主要领导审定发布的“四级审核”制度。`,
      `二、主动公开政府信息情况。本年度制发规范性文件0件，发布政策解读${interpretations}件，公开部门预算、决算和“三公”经费信息，办事指南全部在线公开。`,
      `三、收到和处理政府信息公开申请情况。本年度新收政府信息公开申请${rng.int(0, 4)}件，均在法定期限内答复，未收取信息处理费。`,
      '四、政府信息公开行政复议、行政诉讼情况。本年度未发生因政府信息公开引起的行政复议和行政诉讼。',
      '五、存在的主要问题及改进情况。一是部分信息公开还不够及时；二是政策解读形式较为单一。下一步，中心将进一步健全信息发布协调机制，丰富图文、视频等解读形式。',
      '六、其他需要报告的事项。本年度无其他需要报告的事项。',
      `如对本报告有疑问，请与${profile.name}联系（地址：${profile.street}，邮编：${profile.postcode}，电话：${centerPhone(profile, 101)}）。`,
    ],
    source: profile.name,
  };
}

/**
 * Whether a planned article is the history text of the last complete year's annual report, which the demo
 * generates from its data and publishes through the review chain (demo-annual-reports.ts): one report per
 * center and year, never a text one and a generated one side by side. Older years stay as history.
 */
export function isGeneratedAnnualReport(plan: PlannedArticle, now: Date): boolean {
  return plan.column === 'annual-report' && plan.key === `${plan.centerCode}:annual-report:${beijingDay(now).y - 1}`;
}
