import { centerPhone } from './demo-centers.ts';
import { addDays, beijingDay, cnDate, cnMonthDay, cnNumber, type DraftText, type TextContext } from './demo-text.ts';

type NoticeTemplate = { months?: readonly number[]; make: (ctx: TextContext) => { title: string; body: string[]; correction?: { body: string[]; note: string } } };

const HOLIDAYS: readonly { months: readonly number[]; name: string }[] = [
  { months: [1, 2], name: '春节' },
  { months: [3, 4], name: '清明节' },
  { months: [4], name: '劳动节' },
  { months: [5, 6], name: '端午节' },
  { months: [9], name: '中秋节、国庆节' },
];

const SYSTEMS = ['新版电子招标投标交易系统', '电子保函服务平台', '开评标场地网上预约系统', '远程异地评标系统', '市场主体信息库'];
const COURSES = ['政府采购业务', '电子招标投标操作', '招标代理从业人员', '评标专家业务能力', '国有产权交易业务'];
const DRAFT_RULES = ['公共资源交易服务规范', '开评标现场管理办法', '招标代理机构信用评价办法', '评标专家考核管理办法', '交易保证金管理办法'];

function signOff(ctx: TextContext): string[] {
  return ['特此通知。', ctx.profile.name, cnDate(ctx.at)];
}

/** The 培训班 notice carries a deadline, a venue and a contact phone: the three things a 更正 usually fixes. */
function trainingNotice(ctx: TextContext): { title: string; body: string[]; correction: { body: string[]; note: string } } {
  const { rng, profile, at } = ctx;
  const y = beijingDay(at).y;
  const course = rng.pick(COURSES);
  const deadline = addDays(at, rng.int(5, 9));
  const laterDeadline = addDays(deadline, rng.int(2, 4));
  const room = `${profile.name}${rng.pick(['三楼培训室', '二楼多功能厅', '五楼会议室'])}`;
  const otherRoom = `${profile.name}${rng.pick(['一楼开标大厅', '四楼评标区会议室'])}`;
  const phone = centerPhone(profile, rng.int(111, 139));
  const rightPhone = centerPhone(profile, rng.int(140, 169));
  const p2 = (d: Date) => `二、报名方式：请参训单位于${cnDate(d)}17:00前登录${profile.siteName}“在线报名”栏目填报参训人员信息，报名截止时间为${cnDate(d)}17:00，逾期不再受理。`;
  const p3 = (r: string) => `三、培训时间和地点：培训时间另行通知，培训地点为${r}。`;
  const p4 = (tel: string) => `四、联系方式：${profile.name}交易服务部，联系电话：${tel}。`;
  const base = [
    '各有关单位：',
    `为进一步提升${profile.scope}公共资源交易从业人员业务水平，经研究，决定举办${y}年${course}培训班。现将有关事项通知如下：`,
    `一、培训内容：公共资源交易相关法律法规和政策解读、电子交易系统操作实务、常见问题解答等。`,
  ];
  const body = [...base, p2(deadline), p3(room), p4(phone), ...signOff(ctx)];
  const kind = rng.int(0, 2);
  if (kind === 0) return { title: `关于举办${y}年${course}培训班的通知`, body, correction: { body: [...base, p2(laterDeadline), p3(room), p4(phone), ...signOff(ctx)], note: `更正：第二条中报名截止时间由${cnDate(deadline)}17:00更正为${cnDate(laterDeadline)}17:00。` } };
  if (kind === 1) return { title: `关于举办${y}年${course}培训班的通知`, body, correction: { body: [...base, p2(deadline), p3(otherRoom), p4(phone), ...signOff(ctx)], note: `更正：第三条中培训地点由“${room}”更正为“${otherRoom}”。` } };
  return { title: `关于举办${y}年${course}培训班的通知`, body, correction: { body: [...base, p2(deadline), p3(room), p4(rightPhone), ...signOff(ctx)], note: `更正：第四条中联系电话由${phone}更正为${rightPhone}。` } };
}

const TEMPLATES: readonly NoticeTemplate[] = [
  {
    make: (ctx) => {
      const y = beijingDay(ctx.at).y;
      const items = ['规避招标、虚假招标', '设置不合理条件排斥限制潜在投标人', '围标串标、弄虚作假骗取中标', '评标专家不客观公正履职', '招标代理机构违规代理'];
      return {
        title: `关于开展${y}年度公共资源交易领域专项整治工作的通知`,
        body: [
          '各有关单位：',
          `为深入整治公共资源交易领域突出问题，营造公平竞争的市场环境，根据有关工作部署，${ctx.profile.name}决定在${ctx.profile.scope}范围内开展${y}年度公共资源交易领域专项整治工作。现将有关事项通知如下：`,
          `一、整治重点：${ctx.rng.sample(items, 3).join('、')}等问题。`,
          `二、工作步骤：自查自纠阶段（即日起至${cnMonthDay(addDays(ctx.at, 30))}）、集中整治阶段、总结提升阶段。`,
          '三、工作要求：各单位要高度重视，明确责任人员，对发现的问题建立台账、限期整改，并及时报送工作进展情况。',
          ...signOff(ctx),
        ],
      };
    },
  },
  {
    make: (ctx) => {
      const day = addDays(ctx.at, ctx.rng.int(2, 5));
      const system = ctx.rng.pick(SYSTEMS);
      return {
        title: `关于${cnMonthDay(day)}${system}升级维护的公告`,
        body: [
          '各交易主体：',
          `为进一步提升系统运行稳定性，${ctx.profile.name}定于${cnDate(day)}18:00至次日8:00对${system}进行升级维护。维护期间，系统暂停访问，已安排的开标项目不受影响。`,
          '请各交易主体合理安排时间，提前做好投标文件制作和上传等工作。由此带来的不便，敬请谅解。',
          `技术支持电话：${centerPhone(ctx.profile, 120)}。`,
          '特此公告。',
          ctx.profile.name,
          cnDate(ctx.at),
        ],
      };
    },
  },
  ...HOLIDAYS.map(
    (h): NoticeTemplate => ({
      months: h.months,
      make: (ctx) => ({
        title: `关于${beijingDay(ctx.at).y}年${h.name}期间交易服务安排的通知`,
        body: [
          '各交易主体：',
          `根据国务院办公厅关于${beijingDay(ctx.at).y}年部分节假日安排的通知精神，结合公共资源交易工作实际，现将${h.name}期间交易服务安排通知如下：`,
          '一、节假日期间原则上不安排开标、评标活动，已安排项目确需调整的，请招标人（采购人）及其代理机构及时发布变更公告。',
          '二、节假日期间电子交易系统正常运行，投标人可正常下载招标文件、上传投标文件。',
          `三、节假日期间值班电话：${centerPhone(ctx.profile, 188)}。`,
          ...signOff(ctx),
        ],
      }),
    }),
  ),
  { make: (ctx) => trainingNotice(ctx) },
  {
    make: (ctx) => {
      const y = beijingDay(ctx.at).y;
      return {
        title: `关于征集${y}年度${ctx.profile.scope}综合评标专家的公告`,
        body: [
          `为满足${ctx.profile.scope}公共资源交易评标工作需要，优化评标专家库专业结构，现面向社会公开征集综合评标专家。有关事项公告如下：`,
          '一、征集专业：工程建设类（房屋建筑、市政、水利、交通）、政府采购类（货物、服务）、经济类和法律类。',
          '二、申报条件：具有良好的职业道德，从事相关专业领域工作满八年并具有高级职称或者同等专业水平，熟悉有关招标投标法律法规，身体健康，能够承担评标工作。',
          `三、申报方式：申请人登录${ctx.profile.siteName}“专家申报”栏目在线填报，申报截止时间为${cnDate(addDays(ctx.at, 30))}。`,
          '特此公告。',
          ctx.profile.name,
          cnDate(ctx.at),
        ],
      };
    },
  },
  {
    make: (ctx) => {
      const rule = `${ctx.profile.place}${ctx.rng.pick(DRAFT_RULES)}`;
      return {
        title: `关于公开征求《${rule}（征求意见稿）》意见的公告`,
        body: [
          `为进一步规范公共资源交易活动，${ctx.profile.name}起草了《${rule}（征求意见稿）》，现向社会公开征求意见。`,
          `公众可通过电子邮件将意见建议发送至${ctx.profile.email}，邮件标题请注明“意见征集”；也可通过信函方式寄至${ctx.profile.street}（邮编：${ctx.profile.postcode}）。`,
          `意见反馈截止时间为${cnDate(addDays(ctx.at, 30))}。`,
          '特此公告。',
          ctx.profile.name,
          cnDate(ctx.at),
        ],
      };
    },
  },
  {
    make: (ctx) => {
      const system = ctx.rng.pick(SYSTEMS);
      const from = addDays(ctx.at, ctx.rng.int(7, 15));
      return {
        title: `关于启用${system}的通知`,
        body: [
          '各交易主体：',
          `为深化“互联网+公共资源交易”，${ctx.profile.name}建设的${system}已完成测试，定于${cnDate(from)}起正式启用。现将有关事项通知如下：`,
          `一、自${cnDate(from)}起，新进场项目统一通过${system}办理，此前已进场项目按原方式继续办理。`,
          '二、操作手册和视频教程已在“下载中心”栏目发布，请各交易主体提前熟悉系统操作。',
          `三、系统使用中如有疑问，请拨打技术支持电话${centerPhone(ctx.profile, 120)}。`,
          ...signOff(ctx),
        ],
      };
    },
  },
  {
    months: [3, 4, 5, 10, 11],
    make: (ctx) => {
      const y = beijingDay(ctx.at).y;
      return {
        title: `关于做好${y}年度招标代理机构信用评价工作的通知`,
        body: [
          '各招标代理机构：',
          `根据有关规定，${ctx.profile.name}将配合行政监督部门开展${y}年度招标代理机构信用评价工作。现将有关事项通知如下：`,
          `一、评价范围：${y - 1}年1月1日至12月31日期间在${ctx.profile.scope}公共资源交易平台代理过项目的招标代理机构。`,
          '二、评价内容：代理机构基本情况、代理业绩、从业人员、场内行为和不良行为记录等。',
          '三、评价结果：评价结果将在本网站公示，公示无异议后作为招标人选择代理机构的参考。',
          ...signOff(ctx),
        ],
      };
    },
  },
  {
    make: (ctx) => ({
      title: '关于调整开评标场地预约规则的通知',
      body: [
        '各招标人（采购人）、代理机构：',
        `为提高开评标场地使用效率，${ctx.profile.name}对开评标场地预约规则进行了调整，自${cnDate(addDays(ctx.at, 7))}起执行：`,
        ...['场地预约须在发布招标（采购）公告的同时办理，预约成功后系统自动锁定场地。', '因故变更开标时间的，应在变更公告发布后一个工作日内同步变更场地预约。', '同一项目无故两次以上未按预约使用场地的，暂停其网上预约权限一个月。'].map(
          (s, i) => `${cnNumber(i + 1)}、${s}`,
        ),
        ...signOff(ctx),
      ],
    }),
  },
];

/** A 通知公告. `isCorrectable` asks for one that a later 更正 can change (a training notice). */
export function noticeText(ctx: TextContext, opts: { isCorrectable: boolean }): DraftText {
  const month = beijingDay(ctx.at).m;
  const picked = opts.isCorrectable ? trainingNotice(ctx) : ctx.rng.pick(TEMPLATES.filter((t) => !t.months || t.months.includes(month))).make(ctx);
  return {
    title: picked.title,
    paragraphs: picked.body,
    source: ctx.profile.name,
    ...(picked.correction && opts.isCorrectable ? { correction: { paragraphs: picked.correction.body, note: picked.correction.note } } : {}),
  };
}
