/**
 * 政府网站工作年度报表 (国办函〔2018〕12号: 信息发布、专栏专题、解读回应、办事服务、互动交流、安全防护、移动新媒体、
 * 创新发展): its rows in the form's order and words, and for each row where the number comes from.
 *
 * - `computed`: from the platform's data (page views, published articles, messages, surveys);
 * - `settings`: from the center's site settings (name, 标识码, 备案号);
 * - `entered`: typed in by the site's staff and stored (security checks, drills, 创新发展 …), shown as 填报;
 * - `uncounted`: the platform keeps no data for it and nobody entered one: shown as 未统计, never as 0.
 *
 * The row list follows the form as commonly published (reference/gov-website.md §1.5 marks the exact field
 * list as from memory); the labels are the form's, the units in brackets as on the form.
 */

export type FieldKind = 'count' | 'decimal' | 'bool' | 'text' | 'choice';
export type FieldSource = 'computed' | 'settings' | 'entered' | 'uncounted';

/** The keys of computed figures (website-report.service.ts fills them). */
export type ComputedKey =
  | 'pageViews'
  | 'itemsTotal'
  | 'itemsGeneral'
  | 'itemsNews'
  | 'itemsCatalog'
  | 'interpretationTotal'
  | 'interpretationMaterials'
  | 'messagesReceived'
  | 'messagesReplied'
  | 'messagesAverageDays'
  | 'messagesPublished'
  | 'surveys'
  | 'surveyResponses'
  | 'surveyResults';

export type SettingsKey = 'siteName' | 'homeUrl' | 'hostUnit' | 'siteIdCode' | 'icpNo' | 'psbNo';

export type FieldDef = {
  key: string;
  label: string;
  unit?: string;
  kind: FieldKind;
  /** How the value is obtained. An entered field may also be `fallback` computed or uncounted when left empty. */
  source: FieldSource;
  computed?: ComputedKey;
  settings?: SettingsKey;
  /** For an entered field left empty: what the report shows instead. */
  whenEmpty?: 'uncounted';
  /** Indentation under the previous row (其中 …). */
  depth?: number;
  choices?: readonly string[];
  note?: string;
};

export type Section = { title: string; fields: FieldDef[] };

const entered = (key: string, label: string, kind: FieldKind, extra: Partial<FieldDef> = {}): FieldDef => ({ key, label, kind, source: 'entered', ...extra });
const computed = (key: ComputedKey, label: string, extra: Partial<FieldDef> = {}): FieldDef => ({ key, label, kind: 'count', source: 'computed', computed: key, ...extra });
const settings = (key: SettingsKey, label: string): FieldDef => ({ key, label, kind: 'text', source: 'settings', settings: key });

export const WEBSITE_TYPES = ['政府门户网站', '部门网站', '专项网站'] as const;

/** The form's rows, section by section. */
export const REPORT_SECTIONS: readonly Section[] = [
  {
    title: '网站基本信息',
    fields: [
      settings('siteName', '网站名称'),
      settings('homeUrl', '首页网址'),
      settings('hostUnit', '主办单位'),
      entered('siteType', '网站类型', 'choice', { choices: WEBSITE_TYPES }),
      settings('siteIdCode', '政府网站标识码'),
      settings('icpNo', 'ICP备案号'),
      settings('psbNo', '公安机关备案号'),
      entered('uniqueVisitors', '独立用户访问总量', 'count', {
        unit: '个',
        whenEmpty: 'uncounted',
        note: '平台的公开页面不设 Cookie、不识别访客，因此不统计独立用户；如使用其他统计工具，请填报其数据。',
      }),
      computed('pageViews', '网站总访问量', { unit: '次', note: '栏目页、信息页和交易公告页的浏览次数之和；首页和搜索结果页未计数。' }),
    ],
  },
  {
    title: '信息发布',
    fields: [
      computed('itemsTotal', '总数', { unit: '条' }),
      computed('itemsGeneral', '概况类信息更新量', { unit: '条', depth: 1, note: '“其他”类栏目（机构概况等）。' }),
      computed('itemsNews', '政务动态信息更新量', { unit: '条', depth: 1, note: '工作动态和通知公告类栏目。' }),
      computed('itemsCatalog', '信息公开目录信息更新量', { unit: '条', depth: 1, note: '列入政府信息公开目录的栏目。' }),
    ],
  },
  {
    title: '专栏专题',
    fields: [entered('topicsMaintained', '维护数量', 'count', { unit: '个' }), entered('topicsOpened', '新开设数量', 'count', { unit: '个' })],
  },
  {
    title: '解读回应',
    fields: [
      computed('interpretationTotal', '解读信息发布 总数', { unit: '条', note: '＝解读材料＋解读产品＋媒体评论文章。' }),
      computed('interpretationMaterials', '其中：解读材料数量', { unit: '条', depth: 1, note: '政策解读类栏目发布的信息。' }),
      entered('interpretationProducts', '其中：解读产品数量', 'count', { unit: '个', depth: 1 }),
      entered('mediaCommentaries', '其中：媒体评论文章数量', 'count', { unit: '篇', depth: 1 }),
      entered('hotspotResponses', '回应公众关注热点或重大舆情数量', 'count', { unit: '次' }),
    ],
  },
  {
    title: '办事服务',
    fields: [
      entered('serviceCatalog', '是否发布服务事项目录', 'bool'),
      entered('registeredUsers', '注册用户数', 'count', { unit: '个' }),
      entered('serviceItems', '政务服务事项数量', 'count', { unit: '项' }),
      entered('onlineServiceItems', '可全程在线办理政务服务事项数量', 'count', { unit: '项' }),
      entered('casesTotal', '办件量 总数', 'count', { unit: '件' }),
      entered('casesPersons', '其中：自然人办件量', 'count', { unit: '件', depth: 1 }),
      entered('casesEntities', '其中：法人办件量', 'count', { unit: '件', depth: 1 }),
    ],
  },
  {
    title: '互动交流',
    fields: [
      entered('unifiedPlatform', '是否使用统一平台', 'bool'),
      computed('messagesReceived', '留言办理：收到留言数量', { unit: '条', note: '咨询、质疑、投诉、举报、主任信箱和意见建议；网站找错另计。' }),
      computed('messagesReplied', '留言办理：办结留言数量', { unit: '条', depth: 1 }),
      { ...computed('messagesAverageDays', '留言办理：平均办理时间', { unit: '天', depth: 1, note: '按工作日计，自收到至答复。' }), kind: 'decimal' },
      computed('messagesPublished', '留言办理：公开答复数量', { unit: '条', depth: 1 }),
      computed('surveys', '征集调查：征集调查期数', { unit: '期', note: '年内开始的调查征集。' }),
      computed('surveyResponses', '征集调查：收到意见数量', { unit: '条', depth: 1 }),
      computed('surveyResults', '征集调查：公布调查结果期数', { unit: '期', depth: 1 }),
      entered('interviews', '在线访谈：访谈期数', 'count', { unit: '期' }),
      entered('interviewQuestions', '在线访谈：网民留言数量', 'count', { unit: '条', depth: 1 }),
      entered('interviewAnswers', '在线访谈：答复网民提问数量', 'count', { unit: '条', depth: 1 }),
      entered('smartQa', '是否提供智能问答功能', 'bool'),
    ],
  },
  {
    title: '安全防护',
    fields: [
      entered('securityChecks', '安全检测评估次数', 'count', { unit: '次' }),
      entered('securityProblems', '发现问题数量', 'count', { unit: '个' }),
      entered('securityFixed', '问题整改数量', 'count', { unit: '个' }),
      entered('monitoring', '是否建立安全监测预警机制', 'bool'),
      entered('drills', '是否开展应急演练', 'bool'),
      entered('securityOfficer', '是否明确网站安全责任人', 'bool'),
    ],
  },
  {
    title: '移动新媒体',
    fields: [
      entered('hasNewMedia', '是否有移动新媒体', 'bool'),
      entered('weiboName', '微博：名称', 'text'),
      entered('weiboPosts', '微博：信息发布量', 'count', { unit: '条', depth: 1 }),
      entered('weiboFollowers', '微博：关注量', 'count', { unit: '个', depth: 1 }),
      entered('wechatName', '微信：名称', 'text'),
      entered('wechatPosts', '微信：信息发布量', 'count', { unit: '条', depth: 1 }),
      entered('wechatSubscribers', '微信：订阅数', 'count', { unit: '个', depth: 1 }),
      entered('otherMedia', '其他', 'text'),
    ],
  },
  {
    title: '创新发展',
    fields: [
      entered('searchAsService', '搜索即服务', 'bool'),
      entered('multilingual', '多语言版本', 'bool'),
      entered('accessibility', '无障碍浏览', 'bool'),
      entered('personalised', '千人千网', 'bool'),
      entered('innovationOther', '其他', 'text'),
    ],
  },
  {
    title: '填报信息',
    fields: [
      entered('unitHead', '单位负责人', 'text'),
      entered('reviewer', '审核人', 'text'),
      entered('filler', '填报人', 'text'),
      entered('phone', '联系电话', 'text'),
      entered('filledOn', '填报日期', 'text', { note: '如 2026-01-20。' }),
    ],
  },
];

export const ENTERED_FIELDS: readonly FieldDef[] = REPORT_SECTIONS.flatMap((s) => s.fields.filter((f) => f.source === 'entered'));

export const MAX_COUNT = 1_000_000_000_000;
export const MAX_TEXT = 200;

export type EnteredValues = Record<string, number | boolean | string>;

/** A value as the report shows it, with where it came from. */
export type ReportValue = { field: FieldDef; display: string; value: number | boolean | string | null; source: FieldSource };

export type ComputedFigures = Record<ComputedKey, number | null>;
export type SettingsFigures = Record<SettingsKey, string>;

/** The reference figures the platform records that the form has no row for (shown under it, labelled as such). */
export type SecurityFigures = { loginFailures: number; lockouts: number; totpFailures: number; unattributedLoginFailures: number | null };
export type ExtraFigures = { security: SecurityFigures; errorReports: number };

/** Each section's rows with their values: entered values win where a field is entered; never a made-up zero. */
export function reportValues(opts: { computed: ComputedFigures; settings: SettingsFigures; entered: EnteredValues }): { title: string; values: ReportValue[] }[] {
  return REPORT_SECTIONS.map((s) => ({ title: s.title, values: s.fields.map((f) => valueOf(f, opts)) }));
}

function valueOf(f: FieldDef, opts: { computed: ComputedFigures; settings: SettingsFigures; entered: EnteredValues }): ReportValue {
  if (f.source === 'settings' && f.settings) {
    const v = opts.settings[f.settings];
    return v ? { field: f, display: v, value: v, source: 'settings' } : { field: f, display: '未设置', value: null, source: 'uncounted' };
  }
  if (f.source === 'computed' && f.computed) {
    const v = opts.computed[f.computed];
    if (v === null) return { field: f, display: f.kind === 'decimal' ? '—（无已办结留言）' : '未统计', value: null, source: 'uncounted' };
    return { field: f, display: f.kind === 'decimal' ? v.toFixed(1) : String(v), value: v, source: 'computed' };
  }
  const v = opts.entered[f.key];
  if (v === undefined || v === '') {
    if (f.kind === 'bool') return { field: f, display: '未填报', value: null, source: 'uncounted' };
    return { field: f, display: f.whenEmpty === 'uncounted' ? '未统计' : '未填报', value: null, source: 'uncounted' };
  }
  if (f.kind === 'bool') return { field: f, display: v === true ? '是' : '否', value: v, source: 'entered' };
  return { field: f, display: String(v), value: v, source: 'entered' };
}

export const SOURCE_LABELS: Record<FieldSource, string> = { computed: '系统统计', settings: '站点设置', entered: '人工填报', uncounted: '—' };
