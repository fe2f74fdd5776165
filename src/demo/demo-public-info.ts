import { centerPhone } from './demo-centers.ts';
import { addDays, beijingDay, cnDate, firmName, maskedPerson, personNames, procurementName, projectName, type DraftText, type TextContext } from './demo-text.ts';

function wan(ctx: TextContext, min: number, max: number): string {
  const scale = ctx.profile.level === 'province' ? 3 : ctx.profile.level === 'city' ? 1.5 : 1;
  return ((ctx.rng.int(min * 100, max * 100) / 100) * scale).toFixed(2);
}

/** 财务公开: the budget early in the year, the final accounts in summer, procurement intentions otherwise. */
export function financeText(ctx: TextContext): DraftText {
  const { profile, at, rng } = ctx;
  const { y, m } = beijingDay(at);
  const name = profile.name;
  if (m <= 3) {
    const total = wan(ctx, 900, 1800);
    return {
      title: rng.chance(0.5) ? `${name}${y}年部门预算公开` : `${name}${y}年“三公”经费预算情况说明`,
      paragraphs: [
        `根据预算公开有关规定，现将${name}${y}年部门预算公开如下。`,
        `一、收支预算总体情况：${y}年收入预算${total}万元，全部为一般公共预算财政拨款；支出预算${total}万元，其中基本支出${wan(ctx, 500, 900)}万元，项目支出主要用于交易平台运行维护和信息化建设。`,
        `二、“三公”经费预算情况：${y}年“三公”经费预算${wan(ctx, 3, 9)}万元，其中因公出国（境）费0万元，公务用车运行维护费${wan(ctx, 2, 5)}万元，公务接待费${wan(ctx, 0.5, 2)}万元，较上年持平或下降。`,
        '三、政府采购预算情况：本年度政府采购预算主要用于电子交易系统运维、网络安全服务和办公设备购置。',
        '四、名词解释：“三公”经费是指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。',
      ],
      source: name,
    };
  }
  if (m >= 7 && m <= 9) {
    return {
      title: `${name}${y - 1}年部门决算公开`,
      paragraphs: [
        `根据决算公开有关规定，现将${name}${y - 1}年部门决算公开如下。`,
        `一、收入支出决算总体情况：${y - 1}年度收入总计${wan(ctx, 900, 1800)}万元，支出总计${wan(ctx, 850, 1750)}万元，年末结转和结余${wan(ctx, 10, 80)}万元。`,
        `二、“三公”经费支出决算情况：${y - 1}年度“三公”经费支出${wan(ctx, 2, 8)}万元，完成预算的${rng.int(62, 96)}%，主要是严格落实过紧日子要求，压减公务接待和公务用车支出。`,
        `三、机关运行经费情况：${y - 1}年度机关运行经费支出${wan(ctx, 60, 160)}万元。`,
        '四、国有资产占用情况：截至年末，中心共有车辆1辆，单位价值50万元以上通用设备若干台（套），主要为交易系统服务器和网络安全设备。',
      ],
      source: name,
    };
  }
  return {
    title: `${name}${y}年${m}月政府采购意向公开`,
    paragraphs: [
      `为便于供应商及时了解政府采购信息，根据财政部《关于开展政府采购意向公开工作的通知》有关规定，现将${name}${y}年${m}月至${Math.min(12, m + 2)}月政府采购意向公开如下：`,
      `一、采购项目名称：${rng.pick(['电子交易系统运维服务', '网络安全等级保护测评服务', '开评标区音视频监控系统升级', '档案数字化加工服务'])}；采购需求概况：满足中心交易平台安全稳定运行需要；预算金额${wan(ctx, 20, 90)}万元；预计采购时间${y}年${Math.min(12, m + 1)}月。`,
      `二、采购项目名称：${rng.pick(['物业管理服务', '办公设备购置', '评标专家培训服务', '交易数据分析服务'])}；预算金额${wan(ctx, 8, 40)}万元；预计采购时间${y}年${Math.min(12, m + 2)}月。`,
      '本次公开的采购意向是本单位政府采购工作的初步安排，具体采购项目情况以相关采购公告和采购文件为准。',
    ],
    source: name,
  };
}

/** 人事信息: recruitment announcements, shortlists and 任前公示 (with fictional names). */
export function personnelText(ctx: TextContext): DraftText {
  const { profile, at, rng } = ctx;
  const y = beijingDay(at).y;
  const name = profile.name;
  const kind = rng.int(0, 2);
  if (kind === 0) {
    const posts = rng.int(2, 6);
    return {
      title: `${name}${y}年公开招聘工作人员公告`,
      paragraphs: [
        `根据事业单位公开招聘有关规定，经批准，${name}面向社会公开招聘工作人员${posts}名。现将有关事项公告如下：`,
        '一、招聘岗位：信息技术岗、交易服务岗、综合管理岗，具体岗位条件详见附表。',
        '二、报考条件：具有中华人民共和国国籍，遵守宪法和法律，具有良好的品行和适应岗位要求的身体条件，具备岗位所需的学历、专业和资格条件。',
        `三、报名时间：${cnDate(addDays(at, 7))}至${cnDate(addDays(at, 13))}，采取网上报名方式。`,
        '四、招聘程序：按照报名、资格审查、笔试、面试、体检、考察、公示、聘用的程序进行。',
        `五、咨询电话：${centerPhone(profile, 102)}。`,
      ],
      source: name,
    };
  }
  if (kind === 1) {
    const people = personNames(rng, rng.int(2, 4));
    return {
      title: `${name}${y}年公开招聘工作人员拟聘用人员公示`,
      paragraphs: [
        `根据${y}年公开招聘工作人员公告，经笔试、面试、体检和考察等程序，确定${people.join('、')}等${people.length}名同志为拟聘用人员，现予以公示。`,
        `公示时间：${cnDate(at)}至${cnDate(addDays(at, 7))}。`,
        '公示期间，如对拟聘用人员有异议，可通过来信、来电、来访等方式向中心反映。反映问题应当实事求是，并提供联系方式。',
        `联系电话：${centerPhone(profile, 102)}。`,
      ],
      source: name,
    };
  }
  const [person] = personNames(rng, 1);
  const post = rng.pick(['信息部部长', '交易服务部部长', '办公室（综合部）副主任', '政策法规部副部长']);
  return {
    title: `${name}干部任前公示`,
    paragraphs: [
      '根据《党政领导干部选拔任用工作条例》有关规定，经中心党组研究，拟对以下同志进行任用，现予以公示：',
      `${person}，${rng.pick(['男', '女'])}，汉族，${y - rng.int(32, 45)}年${rng.int(1, 12)}月出生，大学学历，中共党员，拟任${post}。`,
      `公示时间：${cnDate(at)}至${cnDate(addDays(at, 5))}（5个工作日）。`,
      '公示期间，个人和单位可通过来电、来信、来访等方式反映公示对象的有关情况和问题。',
      `受理电话：${centerPhone(profile, 103)}。`,
    ],
    source: name,
  };
}

/** 曝光台: penalties of agents, experts and bidders. Firms are 甲乙丙丁 placeholders, persons are 张某. */
export function exposureText(ctx: TextContext): DraftText {
  const { profile, at, rng } = ctx;
  const { y, m } = beijingDay(at);
  const kind = rng.int(0, 3);
  const closing = '希望各市场主体引以为戒，严格遵守公共资源交易有关法律法规，依法诚信参与交易活动。';
  if (kind === 0) {
    const firm = firmName(ctx, 'agent');
    const project = projectName(ctx);
    return {
      title: `关于对${firm}在${project}代理活动中违规行为的通报`,
      paragraphs: [
        `经查，${firm}在代理${project}招标过程中，存在在招标文件中设置与项目实际需要不相适应的资格条件、以不合理条件限制潜在投标人等问题。`,
        `根据《中华人民共和国招标投标法实施条例》有关规定，行政监督部门对${firm}作出警告并处罚款的行政处罚，记不良行为记录一次，公开期限六个月。`,
        closing,
      ],
      source: profile.name,
    };
  }
  if (kind === 1) {
    const expert = maskedPerson(rng);
    return {
      title: `关于对评标专家${expert}违规评标行为的处理通报`,
      paragraphs: [
        `经调查核实，评标专家${expert}在参加${procurementName(ctx)}评审过程中，未按照采购文件规定的评审标准和方法进行评审，导致评审结果错误。`,
        `根据《政府采购评审专家管理办法》有关规定，决定暂停${expert}评标专家资格${rng.pick(['六个月', '一年'])}，并记入评标专家不良行为记录。`,
        '评标专家应当客观、公正、审慎地履行评审职责，对评审意见承担个人责任。',
      ],
      source: profile.name,
    };
  }
  if (kind === 2) {
    const firm = firmName(ctx, 'bidder');
    return {
      title: `关于对投标人${firm}提供虚假材料谋取中标行为的通报`,
      paragraphs: [
        `经查，${firm}在参与${projectName(ctx)}投标过程中，提供虚假的项目业绩证明材料，谋取中标。`,
        `根据《中华人民共和国招标投标法》第五十四条等规定，行政监督部门依法认定其中标无效，并处中标项目金额千分之${rng.int(5, 9)}的罚款，记不良行为记录。`,
        closing,
      ],
      source: profile.name,
    };
  }
  const quarter = Math.floor((m - 1) / 3);
  const firms = Array.from(new Set([firmName(ctx, 'agent'), firmName(ctx, 'agent'), firmName(ctx, 'bidder')]));
  return {
    title: `关于${quarter === 0 ? y - 1 : y}年第${quarter === 0 ? 4 : quarter}季度市场主体不良行为记录的公告`,
    paragraphs: [
      `根据公共资源交易信用管理有关规定，现将本季度在${profile.scope}公共资源交易活动中被行政监督部门记录不良行为的市场主体公告如下：`,
      ...firms.map((f, i) => `${i + 1}. ${f}：${rng.pick(['未按规定时间退还投标保证金', '开标现场扰乱秩序', '无正当理由放弃中标资格', '投标文件制作机器码雷同'])}，记不良行为记录一次。`),
      `如对公告内容有异议，请于${cnDate(addDays(at, 10))}前向${profile.name}书面反映。`,
    ],
    source: profile.name,
  };
}
