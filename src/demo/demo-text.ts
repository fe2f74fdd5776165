import type { CenterProfile } from './demo-centers.ts';
import type { Rng } from './demo-random.ts';

/** What one generator needs: the dice, the center it writes for, and the moment it is published. */
export type TextContext = { rng: Rng; profile: CenterProfile; at: Date };

/** A generated piece: the raw form values a user would type (fields flattened, as the form posts them). */
export type DraftText = {
  title: string;
  paragraphs: string[];
  source: string;
  fields?: Record<string, string | boolean>;
  /** A later 更正 the plan may apply: the corrected paragraphs and the public note. */
  correction?: { paragraphs: string[]; note: string };
};

const OFFSET_MS = 8 * 3600_000;

/** Beijing calendar parts of an instant. */
export function beijingDay(at: Date): { y: number; m: number; d: number; weekday: number } {
  const b = new Date(at.getTime() + OFFSET_MS);
  return { y: b.getUTCFullYear(), m: b.getUTCMonth() + 1, d: b.getUTCDate(), weekday: b.getUTCDay() };
}

/** 2026年3月12日 */
export function cnDate(at: Date): string {
  const p = beijingDay(at);
  return `${p.y}年${p.m}月${p.d}日`;
}

/** 3月12日 */
export function cnMonthDay(at: Date): string {
  const p = beijingDay(at);
  return `${p.m}月${p.d}日`;
}

/** YYYY-MM-DD in Beijing time, the format of date fields. */
export function isoDay(at: Date): string {
  const p = beijingDay(at);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86400_000);
}

export function toHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join('\n');
}

/**
 * The first substantial paragraph, shortened. Salutations (各有关单位：) are skipped, and a lead-in that
 * ends in 通知如下： is cut back to its last full sentence.
 */
export function summarize(paragraphs: readonly string[]): string {
  const first = paragraphs.find((p) => p.length > 24) ?? paragraphs[0] ?? '';
  let text = first;
  if (text.endsWith('：')) {
    const stop = text.lastIndexOf('。');
    const comma = text.lastIndexOf('，');
    text = stop > 0 ? text.slice(0, stop + 1) : comma > 0 ? `${text.slice(0, comma)}。` : text;
  }
  return text.length > 110 ? `${text.slice(0, 108)}……` : text;
}

/** 1–3 digit Chinese ordinals for 一、二、三 headings. */
export function cnNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n <= 10) return n === 10 ? '十' : (digits[n] ?? String(n));
  if (n < 20) return `十${digits[n % 10] ?? ''}`;
  return `${digits[Math.floor(n / 10)] ?? ''}十${n % 10 === 0 ? '' : (digits[n % 10] ?? '')}`;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '林', '何', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '邓', '彭', '曾', '肖', '蒋', '贺', '廖', '谭', '易', '龙'];
const GIVEN = ['伟', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建华', '志强', '海燕', '晓东', '丽娟', '建国', '红梅', '文博', '思远', '雅琴', '德明', '湘君', '立新', '永清', '慧敏', '卫东', '晓峰', '玉兰', '国庆', '春华'];

/** `count` distinct fictional Chinese names. */
export function personNames(rng: Rng, count: number): string[] {
  // Distinct surnames first, so one office does not end up with three 廖s.
  const out = new Set<string>(rng.sample(SURNAMES, count).map((s) => `${s}${rng.pick(GIVEN)}`));
  while (out.size < count) out.add(`${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`);
  return Array.from(out);
}

/** 张某 / 李某某: how penalty notices name natural persons. */
export function maskedPerson(rng: Rng): string {
  return `${rng.pick(SURNAMES)}${rng.chance(0.5) ? '某' : '某某'}`;
}

/** 甲乙丙丁 are the conventional placeholders in Chinese, so these firms are plainly fictional. */
const FIRM_WORDS = ['甲成', '乙和', '丙泰', '丁远', '戊信', '己安', '庚达', '辛诚', '壬丰', '癸嘉'];
const FIRM_KINDS = ['工程咨询有限公司', '项目管理有限公司', '招标代理有限公司', '建设工程有限公司', '建筑工程有限公司', '工程造价咨询有限公司'];

export function firmName(ctx: TextContext, kind?: 'agent' | 'bidder'): string {
  const place = ctx.profile.place.replace(/[省市]$/, '');
  const kinds = kind === 'agent' ? FIRM_KINDS.slice(0, 3) : kind === 'bidder' ? FIRM_KINDS.slice(3) : FIRM_KINDS;
  return `${place}${ctx.rng.pick(FIRM_WORDS)}${ctx.rng.pick(kinds)}`;
}

const PROJECT_AREAS = ['城区', '高新区', '经开区', '新区', '老城片区', '滨江片区'];
const PROJECT_WORKS = [
  '污水处理厂提标改造工程',
  '主干道提质改造工程',
  '第一中学新建教学楼工程',
  '人民医院住院综合楼建设项目',
  '保障性租赁住房建设项目',
  '高标准农田建设项目',
  '智慧城市运营中心建设项目',
  '城乡供水一体化工程',
  '老旧小区改造项目',
  '体育中心改扩建工程',
  '公交场站建设项目',
  '中小河流治理工程',
];

/** A fictional public project of the center's area. */
export function projectName(ctx: TextContext): string {
  return `${ctx.profile.place}${ctx.rng.pick(PROJECT_AREAS)}${ctx.rng.pick(PROJECT_WORKS)}`;
}

const PROCUREMENT_ITEMS = ['教学设备采购项目', '医疗设备采购项目', '信息化运维服务采购项目', '物业管理服务采购项目', '公务用车定点维修服务采购项目', '办公家具采购项目'];

export function procurementName(ctx: TextContext): string {
  const buyer = ctx.rng.pick(['教育局', '卫生健康委员会', '人民医院', '数据资源局', '机关事务管理局', '自然资源局']);
  return `${ctx.profile.place}${buyer}${ctx.rng.pick(PROCUREMENT_ITEMS)}`;
}

/** How the center says "this province / this city" in its own rules. */
export function localWord(profile: CenterProfile): string {
  return profile.level === 'province' ? '省' : '市';
}

/** Trading totals of a month, scaled by level: province > city > county. */
export function monthlyFigures(ctx: TextContext): { projects: number; amount: string; works: number; procurement: number; land: number; assets: number; saving: string } {
  const scale = ctx.profile.level === 'province' ? 6 : ctx.profile.level === 'city' ? 2 : 1;
  const works = ctx.rng.int(20, 60) * scale;
  const procurement = ctx.rng.int(25, 80) * scale;
  const land = ctx.rng.int(3, 15) * scale;
  const assets = ctx.rng.int(2, 10) * scale;
  const amount = ((works * ctx.rng.int(800, 3000) + procurement * ctx.rng.int(60, 400) + land * ctx.rng.int(1500, 6000)) / 10000).toFixed(2);
  const saving = (ctx.rng.int(250, 890) / 100).toFixed(2);
  return { projects: works + procurement + land + assets, amount, works, procurement, land, assets, saving };
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
