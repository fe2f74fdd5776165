import { creditCodeCheckChar, organizationCodeCheckChar } from '../platform/credit-code.ts';
import { createRng, seedOf, type Rng } from './demo-random.ts';

/**
 * The parties of the trading plan: agent firms (per center), bidder firms (shared by the province) and
 * the credit codes and telephone numbers they carry. Names are composed from common Chinese business
 * words; every credit code is fictional but passes GB 32100 and GB 11714.
 */

export type AgentSpec = { key: string; centerCode: string; name: string; abbr: string; regionCode: string };

/** About 25 firms: the province and 长沙 have the most, 邵东 the fewest. */
export const AGENT_SPECS: readonly AgentSpec[] = [
  ['hn', '湖南建科工程项目管理有限公司', 'HNJK'],
  ['hn', '湖南湘咨工程咨询有限公司', 'XZZX'],
  ['hn', '湖南华诚招标代理有限公司', 'HCZB'],
  ['hn', '湖南鑫源项目管理有限公司', 'XYXM'],
  ['hn', '湖南楚天工程咨询有限公司', 'CTZX'],
  ['hn', '湖南正衡工程造价咨询有限公司', 'ZHZJ'],
  ['hn', '湖南联创招标代理有限公司', 'LCZB'],
  ['cs', '长沙星城工程咨询有限公司', 'XCZX'],
  ['cs', '长沙麓山项目管理有限公司', 'LSXM'],
  ['cs', '湖南岳麓招标代理有限公司', 'YLZB'],
  ['cs', '长沙中建信工程管理有限公司', 'ZJXG'],
  ['cs', '湖南天健工程咨询有限公司', 'TJZX'],
  ['cs', '长沙湘江工程项目管理有限公司', 'XJXM'],
  ['zz', '株洲神农工程咨询有限公司', 'SNZX'],
  ['zz', '株洲湘天项目管理有限公司', 'XTXM'],
  ['zz', '湖南炎帝招标代理有限公司', 'YDZB'],
  ['zz', '株洲诚信工程造价咨询有限公司', 'CXZJ'],
  ['zz', '株洲同泰工程管理有限公司', 'TTGL'],
  ['sy', '邵阳宝庆工程咨询有限公司', 'BQZX'],
  ['sy', '湖南资江项目管理有限公司', 'ZJXM'],
  ['sy', '邵阳双清招标代理有限公司', 'SQZB'],
  ['sy', '邵阳弘信工程管理有限公司', 'HXGL'],
  ['sd', '邵东昭阳工程咨询有限公司', 'ZYZX'],
  ['sd', '湖南廉桥项目管理有限公司', 'LQXM'],
  ['sd', '邵东恒信招标代理有限公司', 'HXZB'],
].map(([centerCode = '', name = '', abbr = '']) => ({
  key: `${centerCode}-${abbr.toLowerCase()}`,
  centerCode,
  name,
  abbr,
  regionCode: { hn: '430100', cs: '430104', zz: '430211', sy: '430502', sd: '430582' }[centerCode] ?? '430100',
}));

/** What a bidder firm does: it decides which projects it bids for. */
export type BidderKind = 'building' | 'municipal' | 'highway' | 'water' | 'supervision' | 'design' | 'it' | 'medical' | 'education' | 'furniture' | 'vehicle' | 'property' | 'sanitation' | 'services' | 'developer' | 'mining';

export type Firm = { name: string; creditCode: string; kind: BidderKind; regionCode: string };

const BIDDER_COUNTS: readonly [BidderKind, number, readonly string[]][] = [
  ['building', 26, ['建设集团有限公司', '建筑工程有限公司', '建工集团有限公司', '建设工程有限公司']],
  ['municipal', 20, ['市政工程有限公司', '市政建设集团有限公司', '城建工程有限公司', '园林建设有限公司']],
  ['highway', 12, ['路桥建设有限公司', '公路桥梁建设有限公司', '交通建设工程有限公司']],
  ['water', 12, ['水利水电建设有限公司', '水利水电工程有限公司', '水务工程有限公司']],
  ['supervision', 12, ['工程监理有限公司', '建设监理咨询有限公司', '工程项目管理咨询有限公司']],
  ['design', 10, ['勘察设计研究院有限公司', '工程设计有限公司', '规划设计院有限公司']],
  ['it', 12, ['信息技术有限公司', '网络科技有限公司', '智能科技有限公司']],
  ['medical', 10, ['医疗器械有限公司', '医疗设备有限公司', '医药有限公司']],
  ['education', 8, ['教学设备有限公司', '教育科技有限公司']],
  ['furniture', 5, ['家具有限公司', '办公家具制造有限公司']],
  ['vehicle', 3, ['汽车销售服务有限公司', '新能源汽车有限公司']],
  ['property', 8, ['物业管理有限公司', '物业服务有限公司']],
  ['sanitation', 5, ['环境科技有限公司', '环卫服务有限公司']],
  ['services', 7, ['保安服务有限公司', '印务有限公司', '会计师事务所有限公司', '餐饮管理有限公司']],
  ['developer', 14, ['置业有限公司', '房地产开发有限公司', '实业发展有限公司']],
  ['mining', 6, ['矿业有限公司', '建材有限公司']],
];

const BRANDS = (
  '宏达 恒泰 鑫隆 顺通 华宇 中湘 湘建 德润 锦程 远航 金穗 天成 安泰 盛世 万通 鼎盛 宏远 长信 诚达 正源 博远 联强 众诚 永盛 嘉禾 凯胜 振湘 瑞丰 新宇 明德 ' +
  '方圆 佳和 弘毅 宇恒 同创 湘达 楚源 蓝天 绿源 青山 泰和 金石 汇通 星辰 润泽 广源 骏驰 思源 鸿运 昌盛 湘楚 兴业 华湘 信诺 建鑫 广厦 茂源 恒通 福瑞 亿诚 ' +
  '坤泰 荣信 晟达 湘桥 路通 鑫盛 宏图 伟业 卓越 富民 华厦 中孚 科创 和顺 天泽 立达 腾飞 嘉信 安达 湘宁 云帆 飞鸿 聚力 兴湘 浩宇 常青 睿信 德信 瑞通 长远 华兴 ' +
  '恒信 金桥 东升 永兴 隆昌 天宏 大禹 湘水 清源 中南 铭诚 三湘 潇湘 湘中 湘南 楚韵 湘资 新湘 同心 嘉兴 顺达 永安 利民 丰源 湘禹 汇泽 远景 创新 恒远 益信'
).split(' ');

/** Where firms are registered: mostly Hunan, a few from neighbouring provinces. */
const HOMES: readonly [string, string, number][] = [
  ['湖南', '430100', 30],
  ['长沙', '430104', 18],
  ['株洲', '430211', 12],
  ['邵阳', '430502', 12],
  ['邵东', '430582', 6],
  ['湘潭', '430302', 5],
  ['衡阳', '430408', 5],
  ['娄底', '431302', 4],
  ['湖北', '420100', 3],
  ['江西', '360100', 3],
  ['广东', '440100', 2],
];

/** The ~150 bidders for works and procurement, plus land developers and mining firms, in a fixed order. */
export function createFirms(seed: number): Firm[] {
  const rng = createRng((seed ^ seedOf('trading:firms')) >>> 0);
  const used = new Set<string>();
  const firms: Firm[] = [];
  for (const [kind, count, suffixes] of BIDDER_COUNTS) {
    for (let i = 0; i < count; i++) {
      let name = '';
      let regionCode = '';
      for (let tries = 0; tries < 50 && (name === '' || used.has(name)); tries++) {
        const [prefix, code] = weighted(rng, HOMES);
        name = `${prefix}${rng.pick(BRANDS)}${rng.pick(suffixes)}`;
        regionCode = code;
      }
      used.add(name);
      firms.push({ name, kind, regionCode, creditCode: enterpriseCreditCode(name, regionCode) });
    }
  }
  return firms;
}

/** A fictional, valid credit code, the same for the same name: 91 + region + organisation code + check. */
export function enterpriseCreditCode(name: string, regionCode: string): string {
  return creditCode({ name, prefix: '91', regionCode, modern: true });
}

/** Government agencies start 11, public institutions 12, enterprises 91 (GB 32100 表 1 and 表 2). */
export function unitCreditCode(opts: { name: string; kind: 'agency' | 'institution' | 'enterprise'; regionCode: string }): string {
  const prefix = opts.kind === 'agency' ? '11' : opts.kind === 'institution' ? '12' : '91';
  return creditCode({ name: opts.name, prefix, regionCode: opts.regionCode, modern: false });
}

const AREA_CODES: Record<string, string> = { hn: '0731', cs: '0731', zz: '0731', sy: '0739', sd: '0739' };

/** A fixed-line number of the center's area code: 0739-5321467. Seven digits in 邵阳, eight in 长株潭. */
export function officePhone(rng: Rng, centerCode: string): string {
  const area = AREA_CODES[centerCode] ?? '0731';
  return area === '0731' ? `${area}-8${rng.int(2, 9)}${String(rng.int(0, 999_999)).padStart(6, '0')}` : `${area}-${rng.int(2, 6)}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

/** A 二级/一级注册建造师 certificate number in Hunan's format: 湘243151512345. */
export function builderCertificate(rng: Rng): string {
  return `湘${rng.pick(['143', '243'])}${rng.int(12, 24)}${String(rng.int(10, 99))}${String(rng.int(0, 99999)).padStart(5, '0')}`;
}

/** A weighted pick: tuples carry their weight last, objects in `weight`. */
export function weighted<T>(rng: Rng, items: readonly T[], weightOf: (item: T) => number = weightField): T {
  const total = items.reduce((s, item) => s + weightOf(item), 0);
  let x = rng.next() * total;
  for (const item of items) {
    x -= weightOf(item);
    if (x < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('weighted pick from an empty list');
  return last;
}

function weightField(item: unknown): number {
  if (Array.isArray(item)) return Number(item[item.length - 1]);
  if (typeof item === 'object' && item !== null && 'weight' in item) return Number(item.weight);
  return 1;
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(opts: { name: string; prefix: string; regionCode: string; modern: boolean }): string {
  const r = createRng(`credit:${opts.name}`);
  let body: string;
  if (opts.prefix === '91' && opts.modern && r.chance(0.6)) {
    // Codes issued since 2015 carry a 主体标识码 beginning MA (Hunan: MA4…).
    body = `MA4${r.pick(['L', 'M', 'P', 'Q', 'R', 'T'])}${Array.from({ length: 4 }, () => CODE_CHARS.charAt(r.int(0, 30))).join('')}`;
  } else if (opts.prefix === '11') {
    body = `00${Array.from({ length: 6 }, () => r.int(0, 9)).join('')}`;
  } else {
    body = `${r.pick(['4', '5', '6', '7'])}${Array.from({ length: 7 }, () => r.int(0, 9)).join('')}`;
  }
  const first17 = `${opts.prefix}${opts.regionCode}${body}${organizationCodeCheckChar(body)}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}
