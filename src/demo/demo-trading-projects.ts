import type { Category, Lot, Method, ProjectInput } from '../trading/trading.model.ts';
import type { Rng } from './demo-random.ts';
import { unitCreditCode, weighted, type AgentSpec, type BidderKind } from './demo-trading-names.ts';
import { districtFullName, supervisorOf, type District, type Sector, type TendererSpec, type TradingArea } from './demo-trading-places.ts';
import {
  ASSET_KINDS,
  LAND_USES,
  lotLabel,
  medicineSubject,
  MINERALS,
  procurementSubject,
  provinceWorksSubject,
  soeSubject,
  worksSubject,
  type ProcurementSubject,
  type SubjectContext,
} from './demo-trading-subjects.ts';

/**
 * One project of the plan before its notices: what it is, who owns it, what it costs and how it is
 * procured. The notices' dates come later (demo-trading-lifecycle.ts).
 */

export type WorksKind = 'construction' | 'supervision' | 'design' | 'epc';

export type LandInfo = { use: string; areaM2: number; years: number; plotRatio: string; incrementFen: number; isMining: boolean };

export type ProjectDraft = {
  key: string;
  centerCode: string;
  area: TradingArea;
  agent: AgentSpec;
  input: ProjectInput & { tendererCreditCode: string };
  sector: Sector;
  worksKind: WorksKind | null;
  bidderKind: BidderKind;
  isService: boolean;
  location: string;
  scope: string;
  period: string;
  qualification: string;
  supervisor: string;
  funding: string;
  approval: string;
  depositFen: number | null;
  land: LandInfo | null;
  startDay: number;
};

/** Which tenderers (by sector) own which categories, with weights. */
const SECTOR_WEIGHTS: Record<Category, readonly [Sector, number][]> = {
  works: [['urban', 24], ['city_services', 6], ['transport', 22], ['water', 18], ['education', 12], ['health', 10], ['government', 6], ['agriculture', 2]],
  procurement: [['education', 22], ['health', 22], ['government', 16], ['city_services', 12], ['security', 10], ['data', 8], ['transport', 6], ['agriculture', 4]],
  land_mining: [['land', 1]],
  state_assets: [['assets', 3], ['government', 1]],
  medicine: [['medicine', 1]],
  other: [['soe', 3], ['urban', 1]],
};

const APPROVERS: Record<string, string> = { hn: '湘发改投资', cs: '长发改审', zz: '株发改审', sy: '邵发改审', sd: '邵东发改' };
const OPEN_TENDER_THRESHOLD_WAN: Record<string, number> = { hn: 400, cs: 200, zz: 200, sy: 200, sd: 200 };
const WORKS_RANGE_WAN: Record<string, readonly [number, number]> = { hn: [500, 20000], cs: [80, 15000], zz: [60, 10000], sy: [50, 6000], sd: [50, 3000] };
const LAND_CAP_WAN: Record<string, number> = { hn: 30000, cs: 80000, zz: 40000, sy: 20000, sd: 10000 };

export function draftProject(opts: { rng: Rng; key: string; area: TradingArea; agent: AgentSpec; category: Category; startDay: number; year: number; tenderers: readonly TendererSpec[]; landSerial: number }): ProjectDraft {
  const { rng, area, category } = opts;
  const tenderer = pickTenderer(rng, { tenderers: opts.tenderers, category });
  const district = siteOf(rng, { area, tenderer });
  const full = area.centerCode === 'hn' ? rng.pick(district.towns) : districtFullName(area, district);
  const town = area.centerCode === 'hn' ? full : rng.pick(district.towns);
  const c: SubjectContext = { rng, area, district, full, town, tenderer, year: opts.year, wan: 0 };
  const base = {
    key: opts.key,
    centerCode: area.centerCode,
    area,
    agent: opts.agent,
    sector: tenderer.sector,
    supervisor: supervisorOf({ area, sector: tenderer.sector, category, district }),
    startDay: opts.startDay,
    approval: '',
  };
  const tendererCreditCode = unitCreditCode({ name: tenderer.name, kind: tenderer.kind, regionCode: tenderer.regionCode });
  const common = { projectNo: '', category, tendererName: tenderer.name, tendererCreditCode, region: district.code };
  if (category === 'works') return { ...base, ...draftWorks(c, common) };
  if (category === 'land_mining') return { ...base, ...draftLand(c, common, opts.landSerial) };
  if (category === 'state_assets') return { ...base, ...draftAsset(c, common) };
  const subject = category === 'medicine' ? medicineSubject(c) : category === 'other' ? soeSubject(c) : procurementSubject(c);
  return { ...base, ...draftProcurement(c, common, subject) };
}

/**
 * Where the project is: a district tenderer builds in its district; a city (or provincial) department of
 * roads, water, farming or land anywhere in its area; a city hospital, school or office in the urban core.
 */
function siteOf(rng: Rng, o: { area: TradingArea; tenderer: TendererSpec }): District {
  const { area, tenderer } = o;
  const isAreaWide = tenderer.district.code === area.cityCode || area.centerCode === 'hn';
  if (!isAreaWide) return tenderer.district;
  const spread: readonly Sector[] = ['transport', 'water', 'agriculture', 'land', 'urban', 'city_services', 'assets'];
  if (spread.includes(tenderer.sector)) return rng.pick(area.districts);
  if (area.centerCode === 'hn') return tenderer.district;
  const urban = area.districts.filter((x) => x.isUrban);
  return rng.pick(urban.length > 0 ? urban : area.districts);
}

type Common = { projectNo: string; category: Category; tendererName: string; tendererCreditCode: string; region: string };
type Drafted = Omit<ProjectDraft, 'key' | 'centerCode' | 'area' | 'agent' | 'sector' | 'supervisor' | 'startDay' | 'approval'> & { approval?: string };

function pickTenderer(rng: Rng, opts: { tenderers: readonly TendererSpec[]; category: Category }): TendererSpec {
  const available = SECTOR_WEIGHTS[opts.category].filter(([sector]) => opts.tenderers.some((t) => t.sector === sector));
  const [sector] = available.length > 0 ? weighted(rng, available) : ['government'];
  const fits = opts.tenderers.filter((t) => t.sector === sector);
  return rng.pick(fits.length > 0 ? fits : opts.tenderers);
}

function draftWorks(c: SubjectContext, common: Common): Drafted {
  const { rng, area } = c;
  const kind = weighted(rng, [['construction', 72], ['supervision', 14], ['design', 6], ['epc', 8]] as const)[0];
  const [minWan, maxWan] = WORKS_RANGE_WAN[area.centerCode] ?? [50, 20000];
  const range: Record<WorksKind, readonly [number, number]> = {
    construction: [minWan, maxWan],
    supervision: [Math.max(50, minWan / 4), Math.min(600, maxWan / 20)],
    design: [Math.max(50, minWan / 4), Math.min(900, maxWan / 12)],
    epc: [Math.max(2000, minWan), Math.max(3000, maxWan)],
  };
  const [lo, hi] = range[kind];
  const budgetFen = Math.round(logUniform(rng, lo, hi) * 10_000 * 100) + rng.int(0, 99);
  // The scope describes the works themselves: a supervision fee is about 2 % of them, a design fee 3 %.
  const worksWan = budgetFen / 1_000_000 / (kind === 'supervision' ? 0.02 : kind === 'design' ? 0.03 : 1);
  const s = area.centerCode === 'hn' ? provinceWorksSubject({ ...c, wan: worksWan }) : worksSubject({ ...c, wan: worksWan });
  const suffix = { construction: '施工', supervision: '监理', design: '勘察设计', epc: '设计施工总承包（EPC）' }[kind];
  const name = `${s.subject}${suffix}`;
  const lotCount = kind === 'construction' && budgetFen >= 3000_0000_00 && rng.chance(0.35) ? rng.int(2, 3) : 1;
  const lots = splitLots(rng, { name, budgetFen, count: lotCount, category: 'works', items: [], precise: true });
  const threshold = kind === 'construction' ? 400 : kind === 'epc' ? 0 : 100;
  const isMandatoryTendering = budgetFen >= threshold * 1_000_000;
  const spec = { municipal: '市政公用工程', building: '建筑工程', highway: '公路工程', water: '水利水电工程' }[s.builder as 'municipal'] ?? '建筑工程';
  const grade = budgetFen >= 1_0000_0000_00 ? '一级' : budgetFen >= 3000_0000_00 ? '二级' : '三级';
  const pmGrade = budgetFen >= 3000_0000_00 ? '一级' : '二级';
  const qualification = {
    construction: `具备${spec}施工总承包${grade}及以上资质，具有有效的安全生产许可证；拟派项目经理须具备${pmGrade}注册建造师（${spec.replace('工程', '')}工程专业）执业资格和有效的安全生产考核合格证书（B证），且未担任其他在施建设工程项目的项目经理`,
    supervision: `具备工程监理综合资质或${spec}监理乙级及以上资质；拟派总监理工程师须具备国家注册监理工程师（${spec}专业）执业资格`,
    design: `具备工程设计${spec.replace('工程', '')}行业乙级及以上资质和工程勘察专业类（岩土工程）乙级及以上资质`,
    epc: `同时具备工程设计${spec.replace('工程', '')}行业乙级及以上资质和${spec}施工总承包二级及以上资质，或由符合上述条件的设计、施工单位组成联合体`,
  }[kind];
  const days = kind === 'design' ? rng.int(45, 120) : Math.min(900, Math.max(60, Math.round(90 + Math.log10(budgetFen / 100 / 500_000) * 200 + rng.int(-30, 60))));
  const enterprise = /公司$/.test(common.tendererName);
  const ratio = rng.pick([0.005, 0.01, 0.015, 0.02]);
  const minLot = Math.min(...lots.map((l) => l.budgetFen ?? budgetFen));
  const depositFen = Math.max(100_000, Math.floor(Math.min(minLot * ratio, kind === 'construction' || kind === 'epc' ? 80_0000_00 : 10_0000_00) / 100_000) * 100_000);
  // District projects are approved by the district's 发展和改革局, the others by the city's (or the province's).
  const isDistrict = area.centerCode !== 'hn' && area.centerCode !== 'sd' && c.tenderer.district.code !== area.cityCode;
  const approvalNo = `${isDistrict ? `${c.tenderer.district.name.replace(/(区|县|市)$/, '')}发改` : (APPROVERS[area.centerCode] ?? '湘发改投资')}〔${c.year}〕${rng.int(8, 420)}号`;
  const approver = isDistrict ? `${districtFullName(area, c.tenderer.district)}发展和改革局` : area.centerCode === 'hn' ? '湖南省发展和改革委员会' : area.centerCode === 'sd' ? '邵东市发展和改革局' : `${area.city}发展和改革委员会`;
  return {
    input: { ...common, name, method: 'open_tender', budgetFen, isMandatoryTendering, lots },
    worksKind: kind,
    bidderKind: kind === 'supervision' ? 'supervision' : kind === 'design' ? 'design' : s.builder,
    isService: kind === 'supervision' || kind === 'design',
    location: `${c.full}${area.centerCode === 'hn' ? '' : c.town}`,
    scope: s.scope,
    period: kind === 'supervision' ? `监理服务期：与施工工期同步（计划${days}日历天），另含缺陷责任期` : `计划工期：${days}日历天`,
    qualification,
    funding: enterprise ? rng.pick(['企业自筹资金', '银行贷款及企业自筹资金']) : rng.pick(['财政资金', '地方政府专项债券资金', '中央预算内投资及地方配套资金', '上级补助资金及本级财政配套资金']),
    approval: `${approver}以${approvalNo}批准建设`,
    depositFen: Math.min(depositFen, Math.floor(minLot * 0.02)),
    land: null,
  };
}

function draftProcurement(c: SubjectContext, common: Common, s: ProcurementSubject): Drafted {
  const { rng, area } = c;
  const cap = area.centerCode === 'sd' ? 800 : area.centerCode === 'sy' ? 1500 : 3000;
  const wan = logUniform(rng, Math.min(s.minWan, cap / 2), Math.min(s.maxWan, cap));
  const budgetFen = (rng.chance(0.7) ? Math.round(wan) * 10_000 : Math.round(wan * 10) * 1000) * 100;
  const threshold = (OPEN_TENDER_THRESHOLD_WAN[area.centerCode] ?? 200) * 1_000_000;
  const method = choose(rng, { category: common.category, budgetFen, threshold, isService: s.isService, canBeSoleSource: s.canBeSoleSource === true });
  const year = rng.chance(s.isService ? 0.6 : 0.3) ? `${c.year}年${s.isService ? '度' : ''}` : '';
  const owner = common.category === 'medicine' ? '' : common.tendererName;
  const name = common.category === 'medicine' ? s.subject : `${owner}${year}${s.subject}${s.subject.endsWith('采购') ? '' : '采购'}项目`;
  const canSplit = (method === 'open_tender' || method === 'competitive_consultation') && budgetFen >= 150_0000_00 && s.items.length >= 2;
  const lotCount = common.category === 'medicine' ? rng.int(2, 3) : canSplit && rng.chance(0.3) ? rng.int(2, Math.min(3, s.items.length)) : 1;
  const lots = splitLots(rng, { name, budgetFen, count: lotCount, category: common.category, items: s.items, precise: false });
  const ratio = rng.pick([0.01, 0.02]);
  const minLot = Math.min(...lots.map((l) => l.budgetFen ?? budgetFen));
  const noDeposit = common.category === 'medicine' || method === 'single_source' || rng.chance(0.4);
  const depositFen = noDeposit ? null : Math.max(100_000, Math.floor((minLot * ratio) / 100_000) * 100_000);
  const specific = s.isService ? `具有提供${s.subject.replace(/(采购|服务)$/, '')}服务的能力，近三年内具有类似服务业绩` : `所投产品须符合国家强制性标准${s.bidder === 'medical' ? '，投标人须具备有效的医疗器械经营许可证或备案凭证' : ''}`;
  return {
    input: { ...common, name, method, budgetFen, isMandatoryTendering: false, lots },
    worksKind: null,
    bidderKind: s.bidder,
    isService: s.isService,
    location: `${c.full}${area.centerCode === 'hn' ? '' : c.town}`,
    scope: `${s.items.join('、')}等，具体详见${method === 'open_tender' ? '招标' : '采购'}文件第三章“采购需求”`,
    period:
      common.category === 'medicine'
        ? '采购周期：2年（按医疗机构实际采购量结算）'
        : s.isService
          ? `服务期限：${rng.pick(['1年', '2年', '3年'])}（合同一年一签）`
          : `合同签订后${rng.pick([30, 45, 60, 90])}日内完成供货、安装及调试`,
    qualification: `1.满足《中华人民共和国政府采购法》第二十二条规定；2.落实政府采购政策需满足的资格要求：${rng.chance(0.5) ? '本项目专门面向中小企业采购' : '无'}；3.本项目的特定资格要求：${specific}`,
    funding: common.category === 'other' ? '企业自有资金' : '财政性资金',
    depositFen: depositFen === null ? null : Math.min(depositFen, Math.floor(minLot * 0.02)),
    land: null,
  };
}

function choose(rng: Rng, opts: { category: Category; budgetFen: number; threshold: number; isService: boolean; canBeSoleSource: boolean }): Method {
  if (opts.category === 'medicine') return 'open_tender';
  if (opts.category === 'other') return weighted(rng, [['open_tender', 45], ['competitive_negotiation', 30], [opts.isService ? 'competitive_consultation' : 'inquiry', 25]] as const)[0];
  const sole = opts.canBeSoleSource ? 'single_source' : 'competitive_negotiation';
  if (opts.budgetFen >= opts.threshold) return weighted(rng, [['open_tender', 88], ['competitive_consultation', 5], [sole, 7]] as const)[0];
  return weighted(rng, [['competitive_consultation', 55], [opts.isService ? 'competitive_consultation' : 'inquiry', 18], ['competitive_negotiation', 10], [sole, 12], ['open_tender', 5]] as const)[0];
}

function draftLand(c: SubjectContext, common: Common, serial: number): Drafted {
  const { rng, area } = c;
  const isMining = area.centerCode === 'hn' || (c.district.isUrban ? false : rng.chance(0.18));
  const cap = LAND_CAP_WAN[area.centerCode] ?? 30000;
  if (isMining) {
    const mineral = rng.pick(MINERALS);
    const village = `${rng.pick(['黄泥', '石门', '青龙', '大坪', '白果', '牛角'])}${rng.pick(['村', '冲', '坳'])}`;
    const startWan = Math.round(logUniform(rng, 500, area.centerCode === 'hn' ? 30000 : 5000));
    const method: Method = rng.chance(0.6) ? 'listing' : 'auction';
    const place = area.centerCode === 'hn' ? c.full : `${c.full}${c.town}`;
    const name = `${place}${village}${mineral}矿采矿权${method === 'listing' ? '挂牌' : '拍卖'}出让`;
    return landResult(c, { common, name, method, startFen: startWan * 1_000_000, land: { use: `${mineral}（开采规模${rng.int(10, 120)}万吨/年）`, areaM2: rng.int(50, 400) * 1000, years: rng.int(5, 15), plotRatio: '—', incrementFen: 0, isMining: true }, location: `${place}${village}` });
  }
  const use = weighted(rng, LAND_USES);
  const startWan = Math.round(logUniform(rng, use.minWan, Math.min(use.maxWan, cap)));
  const method: Method = use.use === '城镇住宅用地' || use.use === '商服用地' ? (rng.chance(0.7) ? 'listing' : 'auction') : rng.chance(0.95) ? 'listing' : 'auction';
  const [minPrice, maxPrice] = use.yuanPerM2;
  const areaM2 = Math.round((startWan * 10_000) / rng.int(minPrice, maxPrice));
  const place = area.centerCode === 'sd' ? area.city : c.full;
  const name = `${place}${c.year}-${String(serial).padStart(3, '0')}号地块国有建设用地使用权${method === 'listing' ? '挂牌' : '拍卖'}出让`;
  return landResult(c, { common, name, method, startFen: startWan * 1_000_000, land: { use: use.use, areaM2, years: use.years, plotRatio: use.plotRatio, incrementFen: 0, isMining: false }, location: `${place}${c.town}${rng.pick(c.area.roads)}${rng.pick(['以东', '以西', '以南', '以北'])}` });
}

function landResult(c: SubjectContext, o: { common: Common; name: string; method: Method; startFen: number; land: LandInfo; location: string }): Drafted {
  const { rng } = c;
  const increment = o.startFen >= 1_0000_0000_00 ? 100_0000_00 : o.startFen >= 1000_0000_00 ? 50_0000_00 : o.startFen >= 2000_0000_0 ? 10_0000_00 : 5_0000_00;
  const depositFen = Math.round((o.startFen * rng.pick([0.2, 0.3, 0.5])) / 1_000_000) * 1_000_000;
  return {
    input: { ...o.common, name: o.name, method: o.method, budgetFen: o.startFen, isMandatoryTendering: false, lots: [{ lotNo: 1, name: o.name, budgetFen: o.startFen }] },
    worksKind: null,
    bidderKind: o.land.isMining ? 'mining' : 'developer',
    isService: false,
    location: o.location,
    scope: o.land.isMining ? `矿区面积约${(o.land.areaM2 / 1_000_000).toFixed(4)}平方千米，出让年限${o.land.years}年，开采方式为露天开采` : `土地面积${o.land.areaM2.toLocaleString('en-US')}平方米，土地用途为${o.land.use}，出让年限${o.land.years}年`,
    period: `出让年限：${o.land.years}年`,
    qualification: '中华人民共和国境内外的法人、自然人和其他组织均可申请参加竞买（法律法规另有规定的除外），申请人可以单独申请，也可以联合申请；失信被执行人不得参加竞买',
    funding: '—',
    depositFen,
    land: { ...o.land, incrementFen: increment },
  };
}

function draftAsset(c: SubjectContext, common: Common): Drafted {
  const { rng, area } = c;
  const kind = common.tendererName.endsWith('局') ? (ASSET_KINDS.find((k) => k.kind === '公务车辆') ?? weighted(rng, ASSET_KINDS)) : weighted(rng, ASSET_KINDS.filter((k) => k.kind !== '公务车辆'));
  const startFen = Math.round(logUniform(rng, kind.minWan, kind.maxWan) * 100) * 100_00;
  const owner = common.tendererName;
  const short = area.centerCode === 'hn' ? '湖南' : area.city.replace(/市$/, '');
  const n = rng.int(2, 12);
  const subject = {
    闲置房产: `${owner}所属${c.full}${rng.pick(area.roads)}${n}处闲置房产转让`,
    股权: `${owner}所持${short}${rng.pick(['城发', '文旅', '粮食', '物流', '供销', '康养'])}${rng.pick(['发展有限公司', '投资有限公司', '实业有限公司'])}${rng.pick([20, 30, 35, 40, 49, 51])}%股权转让`,
    公务车辆: `${owner}${n}辆公务车辆公开处置`,
    门面经营权: `${owner}${rng.pick(area.roads)}${n}间门面${rng.int(3, 5)}年经营权公开招租`,
  }[kind.kind as '股权'];
  const method: Method = kind.kind === '公务车辆' ? (rng.chance(0.7) ? 'auction' : 'listing') : 'listing';
  return {
    input: { ...common, name: subject, method, budgetFen: startFen, isMandatoryTendering: false, lots: [{ lotNo: 1, name: subject, budgetFen: startFen }] },
    worksKind: null,
    bidderKind: kind.equity ? 'developer' : kind.kind === '公务车辆' ? 'vehicle' : 'services',
    isService: false,
    location: c.full,
    scope: kind.equity ? '转让标的企业经审计、评估，评估结果已经国有资产监督管理机构备案' : `转让标的为${kind.kind}，标的现状详见转让公告附件及现场踏勘`,
    period: kind.equity ? '信息披露期：20个工作日' : '挂牌期：10个工作日',
    qualification: '意向受让方应为依法设立并有效存续的企业法人、其他经济组织或具有完全民事行为能力的自然人，具有良好的财务状况和支付能力',
    funding: '—',
    depositFen: Math.round((startFen * rng.pick([0.1, 0.2, 0.3])) / 100_000) * 100_000,
    land: null,
  };
}

function logUniform(rng: Rng, min: number, max: number): number {
  if (max <= min) return min;
  return Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min)));
}

/** Splits a budget into lots that add up exactly; works lots keep fen precision, the others whole thousands. */
function splitLots(rng: Rng, opts: { name: string; budgetFen: number; count: number; category: Category; items: readonly string[]; precise: boolean }): Lot[] {
  if (opts.count <= 1) return [{ lotNo: 1, name: opts.name, budgetFen: opts.budgetFen }];
  const weights = Array.from({ length: opts.count }, () => 0.6 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const unit = opts.precise ? 1 : 100_000;
  const lots: Lot[] = [];
  let left = opts.budgetFen;
  weights.forEach((w, i) => {
    const lotNo = i + 1;
    const amount = i === weights.length - 1 ? left : Math.round((opts.budgetFen * w) / sum / unit) * unit;
    left -= amount;
    lots.push({ lotNo, name: lotLabel({ lotNo, category: opts.category, item: opts.items[i] }), budgetFen: amount });
  });
  return lots;
}

