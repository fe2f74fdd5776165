import { beijingDay, cnDate, cnMonthDay, monthlyFigures, projectName, type DraftText, type TextContext } from './demo-text.ts';

type NewsTemplate = { months?: readonly number[]; make: (ctx: TextContext) => { title: string; lead: string; pool: readonly string[] } };

const MEETING_POOL = [
  '会议指出，过去一年，中心坚持以服务市场主体为中心，持续深化公共资源交易平台整合共享，全流程电子化交易实现全覆盖，交易效率和透明度明显提升。',
  '会议强调，要坚持全面从严治党，压紧压实主体责任和监督责任，聚焦交易服务关键环节和重点岗位，健全廉政风险防控机制。',
  '会议要求，各部门要对照年度目标任务，细化工作措施，明确责任分工和完成时限，确保各项工作落地见效。',
  '会议通报了近期公共资源交易领域典型违纪违法案例，要求全体干部职工以案为鉴、以案促改，筑牢拒腐防变思想防线。',
  '会议要求，要持续加强作风建设，严格落实中央八项规定及其实施细则精神，力戒形式主义、官僚主义，以优良作风保障交易服务提质增效。',
  '会议对下一阶段重点工作进行了部署，要求进一步优化交易服务流程，压缩办理时限，推动更多事项“网上办、掌上办、一次办”。',
];

const ACTIVITY_POOL = [
  '活动中，全体党员重温入党誓词，交流学习体会，进一步坚定了理想信念，增强了做好公共资源交易服务工作的责任感和使命感。',
  '此次活动形式新颖、内容丰富，参加人员纷纷表示，将把学习成果转化为干事创业的实际行动，以更高标准、更实举措服务交易主体。',
  '中心相关负责同志在活动中强调，要把学习教育与业务工作深度融合，切实解决交易主体反映的急难愁盼问题。',
  '下一步，中心将持续开展形式多样的学习教育活动，推动党建工作与业务工作同谋划、同部署、同落实。',
];

const WORK_POOL = [
  '据了解，该系统实现了投标文件网上递交、开标过程线上直播、评标结果自动推送，投标人无需到达现场即可全程参与开标。',
  '中心将以此为契机，进一步完善交易规则和服务标准，推动交易服务由“线下跑”向“网上办”转变，持续降低市场主体制度性交易成本。',
  '为确保工作顺利推进，中心成立了工作专班，制定了详细的实施方案和应急预案，逐项明确责任部门和完成时限。',
  '中心工作人员全程做好见证服务，开评标过程全程录音录像，做到过程全留痕、责任可追溯。',
  '下一步，中心将认真梳理工作中发现的问题，举一反三、建章立制，不断提升公共资源交易服务的规范化、标准化、便利化水平。',
  '此举进一步扩大了优质评标专家资源共享范围，有效遏制了围标串标、“人情标”等违法违规行为，提升了评标工作的公平公正性。',
  '调研组一行实地察看了开标室、评标区、监控中心和服务大厅，详细了解了交易平台运行、专家抽取和见证服务等情况。',
  '与会人员围绕交易服务中存在的堵点难点问题踊跃发言，提出了许多有针对性和可操作性的意见建议。',
];

const THEMES = ['学党章、守纪律、强党性', '重温入党誓词 牢记初心使命', '清廉交易 从我做起', '践行为民服务宗旨', '弘扬新风正气 争做廉洁表率'];
const TRAININGS = ['网络安全', '政府信息公开', '电子招标投标系统操作', '保密知识', '公文写作与信息报送', '意识形态工作', '不见面开标系统应用', '档案管理'];
const TOPICS = ['公共资源交易平台建设', '远程异地评标', '优化营商环境', '全流程电子化交易', '交易服务标准化建设', '数字证书跨区域互认'];

const TEMPLATES: readonly NewsTemplate[] = [
  {
    months: [1, 2, 3, 4],
    make: ({ profile, at }) => {
      const y = beijingDay(at).y;
      return {
        title: `${profile.name}召开${y}年党风廉政建设工作会议`,
        lead: `${cnMonthDay(at)}，${profile.name}召开${y}年党风廉政建设工作会议，总结${y - 1}年党风廉政建设和反腐败工作，部署${y}年重点任务。中心党组书记、主任出席会议并讲话，中心领导班子成员、各部门负责人及全体干部职工参加会议。`,
        pool: MEETING_POOL,
      };
    },
  },
  {
    months: [1, 2, 3],
    make: ({ profile, at }) => {
      const y = beijingDay(at).y;
      return { title: `${profile.name}召开${y}年度工作会议`, lead: `${cnMonthDay(at)}，${profile.name}召开${y}年度工作会议，回顾总结${y - 1}年工作，分析当前形势，安排部署${y}年重点工作。`, pool: MEETING_POOL };
    },
  },
  {
    make: ({ profile, at, rng }) => {
      const theme = rng.pick(THEMES);
      return { title: `${profile.name}开展“${theme}”主题党日活动`, lead: `${cnMonthDay(at)}，${profile.name}机关党委组织各党支部开展“${theme}”主题党日活动，中心领导班子成员以普通党员身份参加所在支部活动。`, pool: ACTIVITY_POOL };
    },
  },
  {
    make: ({ profile, at, rng }) => {
      const topic = rng.pick(TRAININGS);
      return { title: `${profile.name}组织开展${topic}专题培训`, lead: `为进一步提升干部职工${topic}能力和水平，${cnMonthDay(at)}，${profile.name}组织开展${topic}专题培训，邀请相关领域专家授课，中心全体干部职工参加培训。`, pool: ACTIVITY_POOL };
    },
  },
  {
    make: ({ profile, at, rng }) => {
      const visitors =
        profile.level === 'province'
          ? ['省发展改革委主要负责同志', '省政府办公厅有关负责同志', '省财政厅有关负责同志', '省数据局有关负责同志']
          : [`${profile.place}人民政府分管负责同志`, `${profile.place}发展改革委主要负责同志`, '省公共资源交易中心调研组', `${profile.place}财政局有关负责同志`];
      const visitor = rng.pick(visitors);
      const topic = rng.pick(TOPICS);
      return { title: `${visitor}到${profile.name}调研${topic}工作`, lead: `${cnMonthDay(at)}，${visitor}一行到${profile.name}调研${topic}工作，中心主要负责同志陪同调研并汇报有关工作情况。`, pool: WORK_POOL };
    },
  },
  {
    make: (ctx) => {
      const { y, m } = beijingDay(ctx.at);
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      const f = monthlyFigures(ctx);
      return {
        title: `${py}年${pm}月${ctx.profile.scope}公共资源交易情况`,
        lead: `${py}年${pm}月，${ctx.profile.scope}公共资源交易平台共完成交易项目${f.projects}宗，交易金额${f.amount}亿元。其中，工程建设项目${f.works}宗，政府采购项目${f.procurement}宗，土地使用权和矿业权出让${f.land}宗，国有产权交易${f.assets}宗，政府采购项目平均节资率${f.saving}%。`,
        pool: [
          '从交易方式看，全部项目均通过电子化方式完成交易，远程异地评标项目占比持续提高，不见面开标已成为常态。',
          '从交易主体看，本月新增入库市场主体较上月有所增长，中小企业中标（成交）项目数量占比保持在较高水平。',
          '中心将持续做好交易数据统计分析，为行政监督部门加强事中事后监管提供数据支撑。',
        ],
      };
    },
  },
  {
    make: (ctx) => {
      const project = projectName(ctx);
      return { title: `${project}在${ctx.profile.name}顺利开标`, lead: `${cnMonthDay(ctx.at)}，${project}在${ctx.profile.name}顺利开标。该项目采用全流程电子化方式交易，共有${ctx.rng.int(8, 36)}家投标人通过网上递交投标文件参与投标。`, pool: WORK_POOL };
    },
  },
  { make: ({ profile, at }) => ({ title: `${profile.name}常态化开展远程异地评标`, lead: `今年以来，${profile.name}常态化开展远程异地评标，截至${cnDate(at)}，已完成远程异地评标项目${Math.max(12, beijingDay(at).m * 9)}个。`, pool: WORK_POOL }) },
  { make: ({ profile, at }) => ({ title: `${profile.name}开展网络安全应急演练`, lead: `为检验网络安全应急处置能力，${cnMonthDay(at)}，${profile.name}开展网络安全应急演练，模拟交易系统遭受网页篡改和数据泄露等突发事件的处置过程。`, pool: WORK_POOL }) },
  { make: ({ profile, at }) => ({ title: `${profile.name}举办“政府开放日”活动`, lead: `${cnMonthDay(at)}，${profile.name}举办“政府开放日”活动，邀请人大代表、政协委员、市场主体代表和市民代表走进交易中心，近距离感受公共资源交易“阳光运行”。`, pool: ACTIVITY_POOL }) },
  { make: ({ profile, at }) => ({ title: `${profile.name}召开优化营商环境工作推进会`, lead: `${cnMonthDay(at)}，${profile.name}召开优化营商环境工作推进会，听取各部门工作进展情况汇报，研究解决交易服务中的突出问题。`, pool: MEETING_POOL }) },
  { make: ({ profile, at }) => ({ title: `${profile.name}召开评标专家座谈会`, lead: `${cnMonthDay(at)}，${profile.name}召开评标专家座谈会，邀请工程、经济、法律等专业的评标专家代表参加，听取对评标环境和专家管理工作的意见建议。`, pool: WORK_POOL }) },
  { make: ({ profile, at }) => ({ title: `${profile.name}电子保函服务平台上线运行`, lead: `${cnMonthDay(at)}，${profile.name}电子保函服务平台正式上线运行，投标人可在线申请并递交电子保函，替代现金缴纳投标保证金。`, pool: WORK_POOL }) },
  { make: ({ profile, at }) => ({ title: `${profile.name}党组理论学习中心组开展专题学习`, lead: `${cnMonthDay(at)}，${profile.name}党组理论学习中心组开展专题学习，中心党组书记、主任主持学习并作交流发言。`, pool: MEETING_POOL }) },
  { make: ({ profile, at }) => ({ title: `${profile.name}开展消防安全知识培训和应急疏散演练`, lead: `${cnMonthDay(at)}，${profile.name}开展消防安全知识培训和应急疏散演练，中心干部职工和驻场服务人员共${80 + beijingDay(at).d}人参加。`, pool: ACTIVITY_POOL }) },
  { make: ({ profile, at }) => ({ title: `${profile.name}“不见面开标”系统完成升级`, lead: `${cnMonthDay(at)}，${profile.name}“不见面开标”系统完成升级，新增在线解密提醒、异常情况在线申诉和开标记录电子签章等功能。`, pool: WORK_POOL }) },
  { make: ({ profile, at }) => ({ title: `${profile.name}开展代理机构“双随机、一公开”检查`, lead: `${cnMonthDay(at)}，${profile.name}配合行政监督部门对进场交易的招标代理机构开展“双随机、一公开”检查，随机抽取代理机构和检查人员，检查结果向社会公开。`, pool: WORK_POOL }) },
];

/** A piece of 工作动态: a dated lead paragraph and 2–5 paragraphs that fit its kind of event. */
export function newsText(ctx: TextContext): DraftText {
  const month = beijingDay(ctx.at).m;
  const fitting = TEMPLATES.filter((t) => !t.months || t.months.includes(month));
  const { title, lead, pool } = ctx.rng.pick(fitting).make(ctx);
  const rest = ctx.rng.sample(pool, ctx.rng.int(2, Math.min(5, pool.length)));
  return { title, paragraphs: [lead, ...rest], source: ctx.profile.name };
}
