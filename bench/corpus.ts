/**
 * Realistic Chinese titles and bodies for bulk benchmark articles, from word lists and a seeded PRNG
 * (the same seed gives the same corpus, so runs are comparable).
 */
export type Rng = { next: () => number; int: (min: number, max: number) => number; pick: <T>(items: readonly T[]) => T };

export type ArticleKind = 'notice' | 'news' | 'policy' | 'exposure' | 'service_guide' | 'interpretation';

export type GeneratedText = { title: string; paragraphs: string[] };

/** mulberry32 with the helpers the generator needs. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)), pick };
}

/** A title and a few paragraphs (roughly 200–600 characters) of the given kind. */
export function generateText(rng: Rng, kind: ArticleKind, centerName: string): GeneratedText {
  const slots = fillSlots(rng, centerName);
  const title = fill(rng.pick(TITLES[kind]), slots);
  // A few sentences of the kind's own vocabulary among general ones, 1–3 to a paragraph: specific terms
  // (保证金, 信用, 电子保函…) then occur in a share of the documents, as on a real site, not in nearly all.
  const topical = sample(rng, BODIES[kind], rng.int(1, 3));
  const general = sample(rng, FILLERS, rng.int(3, 6));
  const sentences = sample(rng, [...topical, ...general], topical.length + general.length).map((t) => fill(t, slots));
  const paragraphs: string[] = [];
  while (sentences.length > 0) paragraphs.push(sentences.splice(0, rng.int(1, 3)).join(''));
  paragraphs.push(fill(rng.pick(CLOSINGS), slots));
  return { title, paragraphs };
}

function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(...pool.splice(Math.floor(rng.next() * pool.length), 1));
  return out;
}

const PLACES = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西州'];
const DISTRICTS = ['芙蓉区', '天心区', '岳麓区', '开福区', '雨花区', '望城区', '浏阳市', '宁乡市', '长沙县', '醴陵市', '韶山市', '耒阳市', '汨罗市', '津市市', '沅江市', '资兴市', '洪江市', '冷水江市'];
const PROJECTS = [
  '道路提质改造工程', '老旧小区改造项目', '农村安全饮水巩固提升工程', '中小学校舍维修改造工程', '人民医院医疗设备采购项目', '智慧城市运营服务项目',
  '高标准农田建设项目', '河道综合治理工程', '污水处理厂提标改造工程', '公共资源交易平台运维服务采购', '办公家具采购项目', '物业管理服务采购项目',
  '城区路灯节能改造工程', '保障性租赁住房建设项目', '乡镇卫生院标准化建设项目', '学生营养餐食材配送服务采购', '政务云平台扩容项目', '城乡供水一体化工程',
  '体育中心场馆维修工程', '森林防火视频监控系统采购', '国省干线公路养护工程', '农贸市场升级改造项目', '垃圾中转站建设工程', '职业技术学院实训设备采购',
];
const NOTICE_TYPES = ['招标公告', '中标候选人公示', '中标结果公告', '资格预审公告', '竞争性磋商公告', '竞争性谈判公告', '询价公告', '单一来源采购公示', '更正公告', '终止公告', '流标公告', '成交结果公告'];
const LAND = ['国有建设用地使用权挂牌出让公告', '采矿权挂牌出让公告', '林权流转交易公告', '国有产权转让公告', '排污权交易公告'];
const MEETINGS = ['党风廉政建设工作会议', '公共资源交易领域专项整治工作推进会', '优化营商环境座谈会', '年度工作总结暨表彰大会', '交易服务质量提升工作部署会', '信用体系建设工作调度会'];
const ACTIVITIES = ['评标专家业务培训', '“双随机、一公开”检查', '远程异地评标演练', '信用信息归集专项行动', '不见面开标系统升级', '交易场所安全检查', '“放管服”改革宣传周活动', '政府采购业务培训'];
const POLICY_TOPICS = [
  '进一步规范公共资源交易活动', '加强评标专家管理', '推行电子保函替代投标保证金', '开展工程建设项目招标投标领域突出问题专项整治', '全面推进公共资源交易全流程电子化',
  '建立健全市场主体信用评价体系', '进一步优化政府采购营商环境', '规范政府采购代理机构执业行为', '清理规范交易服务收费', '推进远程异地评标常态化',
];
const VIOLATIONS = ['串通投标行为', '提供虚假材料谋取中标', '评标专家违规评审行为', '代理机构违规收取费用', '借用他人资质投标', '无正当理由放弃中标'];
const MATTERS = ['投标保证金退还', '市场主体信息库入库登记', '项目进场交易登记', '数字证书（CA）办理', '开评标场地预约', '电子保函开具', '评标专家抽取申请', '交易见证书出具'];
const COMPANY_WORDS = ['湘江', '岳麓', '洞庭', '潇湘', '楚天', '华宇', '鸿达', '恒信', '中联', '建安', '路桥', '金源'];
const COMPANY_KINDS = ['建设工程有限公司', '建筑工程有限公司', '工程咨询有限公司', '招标代理有限公司', '科技有限公司', '医疗器械有限公司'];
const QUALIFICATIONS = ['市政公用工程施工总承包二级及以上', '建筑工程施工总承包三级及以上', '公路工程施工总承包二级及以上', '水利水电工程施工总承包三级及以上', '电子与智能化工程专业承包二级及以上'];
const ITEMS = ['台式计算机', '多媒体教学设备', '彩色多普勒超声诊断仪', '负压救护车', '学生课桌椅', '办公家具', '网络安全设备', '消防救援装备', '图书馆图书', '医用耗材', '食堂厨房设备', '电梯', '空调设备', '视频会议系统'];
const SCALES = ['道路全长约3.2公里，宽24米，含排水、照明及绿化工程', '新建教学楼一栋，建筑面积约8600平方米', '改造老旧小区12个，涉及居民1800余户', '新建日处理能力2万吨污水处理厂一座', '整治河道长度约6.5公里', '建设高标准农田1.2万亩'];
const LAND_USES = ['商业服务业用地', '二类居住用地', '工业用地', '仓储用地'];
const FUNDS = ['财政资金', '地方政府专项债券资金', '中央预算内资金', '自筹资金', '财政资金及自筹资金'];

type Slots = Record<string, string>;

function fillSlots(rng: Rng, centerName: string): Slots {
  const company = () => `湖南${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_KINDS)}`;
  const year = String(rng.int(2021, 2026));
  const place = rng.pick(PLACES);
  return {
    center: centerName,
    place,
    district: rng.pick(DISTRICTS),
    project: `${place}${rng.pick(DISTRICTS)}${rng.pick(PROJECTS)}`,
    noticeType: rng.pick(NOTICE_TYPES),
    land: rng.pick(LAND),
    meeting: rng.pick(MEETINGS),
    activity: rng.pick(ACTIVITIES),
    topic: rng.pick(POLICY_TOPICS),
    violation: rng.pick(VIOLATIONS),
    matter: rng.pick(MATTERS),
    company: company(),
    agency: company(),
    qual: rng.pick(QUALIFICATIONS),
    fund: rng.pick(FUNDS),
    item: rng.pick(ITEMS),
    road: rng.pick(ROADS),
    dept: rng.pick(DEPTS),
    person: rng.pick(PERSONS),
    direction: rng.pick(DIRECTIONS),
    scale: rng.pick(SCALES),
    landUse: rng.pick(LAND_USES),
    year,
    date: `${year}年${rng.int(1, 12)}月${rng.int(1, 28)}日`,
    amount: String(rng.int(5, 80)),
    budget: String(rng.int(50, 9000)),
    room: String(rng.int(1, 12)),
    docNo: `湘公管〔${year}〕${rng.int(1, 60)}号`,
    phone: `0731-${rng.int(80000000, 89999999)}`,
    days: String(rng.int(3, 20)),
  };
}

function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => slots[key] ?? '');
}

const TITLES: Record<ArticleKind, string[]> = {
  notice: ['{project}{noticeType}', '{project}（{year}年第二批）{noticeType}', '{place}{land}', '关于{project}政府采购{noticeType}', '{district}{project}施工{noticeType}'],
  news: ['{center}召开{meeting}', '{center}开展{activity}', '{center}扎实推进工程建设项目招标投标专项整治', '{place}公共资源交易中心完成{year}年度交易额统计', '{center}信用信息共享平台上线运行'],
  policy: ['关于{topic}的通知', '关于{topic}的实施意见（{docNo}）', '湖南省公共资源交易管理办法（{year}年修订）', '关于印发《{topic}工作方案》的通知'],
  exposure: ['关于对{company}{violation}的处理决定', '{center}关于{year}年第{room}期不良行为记录的公告', '关于对{agency}违法违规行为的通报'],
  service_guide: ['{matter}办事指南', '{center}{matter}办理流程', '{matter}常见问题解答'],
  interpretation: ['《关于{topic}的通知》政策解读', '图解：{topic}', '一图读懂{topic}'],
};

const BODIES: Record<ArticleKind, string[]> = {
  notice: [
    '本招标项目{project}已由{place}发展和改革局批准建设，招标人为{district}城市建设投资有限公司，招标代理机构为{agency}。',
    '项目建设资金来自{fund}，出资比例为百分之百，项目已具备招标条件，现对该项目施工进行公开招标。',
    '建设规模：{scale}，计划工期{days}个月，质量要求为合格，标段划分为一个标段。',
    '本项目采购内容为{item}等，采购预算为人民币{budget}万元，最高限价同预算金额。',
    '投标人须具备{qual}资质，具有有效的安全生产许可证，拟派项目经理须具备相应专业注册建造师执业资格。',
    '本次招标不接受联合体投标，投标人不得存在《中华人民共和国招标投标法实施条例》第三十四条规定的情形。',
    '投标保证金金额为人民币{amount}万元，投标人可以银行转账或电子保函方式提交，保证金须从投标人基本账户转出。',
    '未中标人的投标保证金将在中标通知书发出后五日内退还，中标人的投标保证金在签订合同后五日内退还。',
    '招标文件获取时间为{date}至投标截止时间止，投标人通过湖南省公共资源交易服务平台免费下载。',
    '投标截止时间及开标时间为{date}上午9时30分，开标地点为{center}第{room}开标室。',
    '本项目实行全流程电子化交易，采用不见面开标方式，投标人无需到达开标现场。',
    '评标办法采用经评审的最低投标价法，评标委员会由招标人代表和从评标专家库中随机抽取的专家共{room}人组成。',
    '根据评标委员会的书面评标报告，现将中标候选人公示如下：第一中标候选人为{company}，投标报价{budget}万元。',
    '公示期为三日，投标人或者其他利害关系人对评标结果有异议的，应当在公示期间以书面形式向招标人提出。',
    '经评审，本项目成交供应商为{company}，成交金额为人民币{budget}万元，合同履行期限为{days}个月。',
    '因招标文件中{item}的技术参数需要调整，现对原公告内容作如下更正，投标截止时间相应顺延。',
    '因递交投标文件的投标人少于三个，本次招标失败，招标人将依法重新组织招标。',
    '本项目为政府采购项目，落实节约能源、保护环境、扶持中小企业等政府采购政策，预留份额专门面向中小企业采购。',
    '供应商应在中国政府采购网和信用中国网站查询无失信被执行人、重大税收违法失信主体等不良信用记录。',
    '本次挂牌出让宗地位于{district}，土地用途为{landUse}，出让面积{amount}亩，出让年限为五十年。',
    '竞买人须在挂牌截止前缴纳竞买保证金，挂牌期间竞买人可通过网上交易系统多次报价。',
  ],
  news: [
    '近日，{center}召开{meeting}，传达学习上级有关会议精神，对下一阶段重点任务作出部署。',
    '会议强调，要深入开展工程建设项目招标投标领域突出问题专项整治，严厉打击串通投标、弄虚作假等违法违规行为。',
    '今年以来，中心累计完成各类交易项目{budget}宗，交易总额{amount}亿元，节约财政资金{days}亿元。',
    '中心全面推行全流程电子化交易和远程异地评标，交易环节纸质材料减少八成以上。',
    '中心大力推广电子保函替代现金缴纳投标保证金，累计为市场主体释放资金{amount}亿元。',
    '下一步，中心将持续完善市场主体信用评价和守信激励、失信惩戒机制。',
    '活动期间，工作人员深入{district}项目现场，围绕交易流程和常见问题为企业答疑解惑。',
    '培训邀请省内专家围绕新修订的评标办法、电子招标投标系统操作等内容进行了详细讲解，{budget}余人参加培训。',
    '检查组采取随机抽取检查对象、随机选派执法检查人员的方式，对{room}家代理机构的项目档案进行了抽查。',
    '中心党支部组织全体党员赴{place}开展主题党日活动，重温入党誓词，接受革命传统教育。',
    '{place}公共资源交易中心负责同志一行来我中心考察交流，双方就平台整合共享、见证服务等工作进行了深入交流。',
    '中心开展消防安全演练，全体干部职工参加，进一步提升了应急处置能力。',
    '为方便企业办事，中心政务服务窗口推出延时服务和预约服务，实现“最多跑一次”。',
    '在全省营商环境评价中，{place}公共资源交易指标位列全省前列。',
  ],
  policy: [
    '各市州公共资源交易中心，省直有关单位：为深入贯彻落实党中央、国务院决策部署，{topic}，现就有关事项通知如下。',
    '坚持应进必进、统一规范、公开透明、服务高效的原则，推动交易、服务、监管信息互联共享。',
    '全面推行电子招标投标，除涉及国家秘密的项目外，依法必须招标的项目一律实行全流程电子化交易。',
    '推广使用电子保函替代投标保证金，任何单位不得指定出具保函的金融机构。',
    '建立健全评标专家动态管理制度，对评标专家实行年度考核，考核不合格的予以清退。',
    '各级行政监督部门要加强事中事后监管，依法查处串通投标、弄虚作假等违法违规行为。',
    '建立市场主体信用评价制度，信用评价结果在招标投标活动中依法依规应用。',
    '交易中心不得以任何名义收取交易服务费以外的其他费用，不得要求市场主体重复提交已在平台登记的材料。',
    '各地要高度重视，明确责任分工，加强宣传培训，确保各项任务落到实处。',
    '本通知自印发之日起施行，有效期五年，文号为{docNo}。此前有关规定与本通知不一致的，以本通知为准。',
    '第一条 为规范公共资源交易活动，维护国家利益、社会公共利益和交易当事人合法权益，制定本办法。',
    '第二条 本办法适用于本省行政区域内工程建设项目招标投标、政府采购、土地使用权和矿业权出让、国有产权交易等活动。',
  ],
  exposure: [
    '经查，{company}在参与{project}投标过程中存在{violation}，违反了《中华人民共和国招标投标法》有关规定。',
    '根据有关规定，对{company}记不良行为记录一次，{days}个月内禁止参加本地区公共资源交易活动。',
    '处理结果已推送至信用信息共享平台，在信用中国（湖南）网站予以公示。',
    '各市场主体应当引以为戒，依法诚信参与公共资源交易活动。欢迎社会各界通过投诉举报电话{phone}进行监督。',
    '对涉案评标专家作出暂停评标资格六个月的处理，对招标代理机构{agency}予以通报批评并责令限期整改。',
    '该公司在投标文件中提供的{item}业绩证明材料与实际不符，经核实属于弄虚作假。',
  ],
  service_guide: [
    '办理事项：{matter}。设定依据：《中华人民共和国招标投标法》及湖南省公共资源交易管理有关规定。',
    '办理条件：已在湖南省公共资源交易服务平台完成市场主体信息库入库登记，并持有有效的数字证书（CA）。',
    '申请材料：营业执照副本、法定代表人身份证明、授权委托书；通过网上办理的，材料以电子件提交。',
    '办理流程：网上申请、资料审核、办结反馈，承诺办结时限为{room}个工作日。',
    '投标保证金退还由交易系统自动原路退回投标人基本账户，无需现场办理。',
    '办理地点：{center}政务服务大厅一楼窗口。办理时间：工作日上午9:00-12:00，下午13:30-17:00。',
    '收费标准：不收费。咨询电话：{phone}。',
  ],
  interpretation: [
    '为便于社会公众准确理解和把握《关于{topic}的通知》的主要内容，现就有关问题解读如下。',
    '近年来，我省公共资源交易平台整合共享取得明显成效，但在信用监管和全流程电子化等方面仍存在短板。',
    '文件明确了推行电子保函、加强评标专家管理、规范交易服务收费等重点任务，共计{days}条具体措施。',
    '文件首次提出建立市场主体信用评价结果在政府采购和工程建设项目招标投标中的应用机制。',
    '文件自发布之日起施行，各市州应结合本地实际制定具体实施细则。',
  ],
};

const FILLERS = [
  '项目位于{district}{road}，{scale}。',
  '{date}，{place}{dept}组织召开{project}前期工作协调会，{person}同志出席会议并讲话。',
  '项目总投资约{budget}万元，其中建筑安装工程费约{amount}百万元，其余为设备购置及其他费用。',
  '不组织集中现场踏勘，潜在投标人可自行前往项目现场了解有关情况，费用自理。',
  '采购需求详见附件，供应商应对全部内容进行响应，不得拆分，否则按无效响应处理。',
  '合同履行地点为{district}，付款方式为按工程进度分期支付，质保期为{room}年。',
  '{dept}主要负责同志、各科室负责人及业务骨干共{days}人参加。',
  '与会人员结合工作实际，围绕存在的困难和问题进行了深入讨论，并提出了具体的意见建议。',
  '{person}指出，要提高政治站位，强化责任担当，以更加务实的作风推动各项工作落地见效。',
  '具体事项请登录网站查询，或于工作时间致电{phone}咨询。',
  '{district}位于{place}{direction}部，交通便利，区位优势明显。',
  '本期共涉及{room}个项目，其中房屋建筑类{days}个，市政类{room}个，其余为交通、水利项目。',
  '截至{date}，已有{budget}家企业完成注册登记，较去年同期增长{amount}%。',
  '文件全文见附件，请各单位认真组织学习，抓好贯彻落实。',
  '如对上述内容有疑问，请于{date}前以书面形式向{dept}反映。',
  '附件：{item}技术参数表、合同主要条款及响应文件格式。',
  '{person}，男，{amount}岁，现任{dept}副科长，拟任{dept}科长。',
  '为做好{year}年度相关工作，经研究，决定对有关安排作如下调整。',
  '各有关单位要严格落实疫情防控和安全生产要求，确保现场秩序良好。',
  '本页面信息由{dept}负责维护，最后更新于{date}。',
];
const ROADS = ['芙蓉中路', '湘江大道', '人民东路', '韶山南路', '建设北路', '迎宾路', '车站路', '解放西路', '金星大道', '桐梓坡路'];
const DEPTS = ['综合科', '交易服务科', '信息技术科', '监督管理科', '财务审计科', '办公室', '人事科', '党建工作科'];
const PERSONS = ['张建国', '李明', '王芳', '刘伟', '陈静', '杨帆', '赵磊', '黄丽', '周勇', '吴敏', '徐涛', '孙娜'];
const DIRECTIONS = ['东', '南', '西', '北', '中'];

const CLOSINGS = ['（责任编辑：{person}）', '附件：{item}清单.pdf', '联系人：{center}综合科，联系电话：{phone}。', '特此公告。{center}，{date}。', '监督部门：{place}公共资源交易监督管理局，监督电话：{phone}。', '（来源：{center}）'];
