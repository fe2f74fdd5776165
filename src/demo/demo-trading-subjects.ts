import type { Rng } from './demo-random.ts';
import { cnNumber } from './demo-text.ts';
import type { BidderKind } from './demo-trading-names.ts';
import type { District, Sector, TendererSpec, TradingArea } from './demo-trading-places.ts';

/**
 * What is being bought or sold, by sector: the subject of a project name, the scope sentence of its
 * notice and the kind of firm that bids. Amount ranges are in 万元.
 */

/** `wan`: the construction value in 万元 the scope is sized by (a supervision budget is ~2 % of it). */
export type SubjectContext = { rng: Rng; area: TradingArea; district: District; full: string; town: string; tenderer: TendererSpec; year: number; wan: number };

export type WorksSubject = { subject: string; scope: string; builder: BidderKind };

type WorksTemplate = { sectors: readonly Sector[]; make: (c: SubjectContext) => WorksSubject };

const PHASES = ['一期', '二期', '三期'];
const VILLAGES = ['新田', '石桥', '枫林', '白竹', '长塘', '杉木', '桂花', '双江', '金盆', '花园', '龙潭', '荷叶'];

/** Kilometres that `c.wan` buys at minWan–maxWan 万元 per kilometre. */
function kmFor(c: SubjectContext, minWan: number, maxWan: number): string {
  return Math.max(0.2, c.wan / (minWan + c.rng.next() * (maxWan - minWan))).toFixed(2);
}

/** Units (m², 亩, 户, metres …) that `c.wan` buys at minYuan–maxYuan each, rounded to `step`. */
function unitsFor(c: SubjectContext, minYuan: number, maxYuan: number, step = 10): number {
  return Math.max(step, Math.round((c.wan * 10_000) / (minYuan + c.rng.next() * (maxYuan - minYuan)) / step) * step);
}

function road(c: SubjectContext): string {
  return c.rng.pick(c.area.roads);
}

function otherTown(c: SubjectContext): string {
  const others = c.district.towns.filter((t) => t !== c.town);
  return others.length > 0 ? c.rng.pick(others) : c.town;
}

function school(c: SubjectContext): string {
  if (c.tenderer.sector === 'education' && !c.tenderer.name.endsWith('局') && !c.tenderer.name.endsWith('厅')) return c.tenderer.name;
  return c.rng.pick([`${c.full}${c.town.replace(/(街道|镇|乡)$/, '')}中心学校`, `${c.full}第${cnNumber(c.rng.int(2, 9))}中学`, `${c.full}${c.town.replace(/(街道|镇|乡)$/, '')}九年制学校`, `${c.full}实验幼儿园`, `${c.full}职业中专学校`]);
}

function hospital(c: SubjectContext): string {
  if (c.tenderer.sector === 'health' && !/(局|委员会|厅)$/.test(c.tenderer.name)) return c.tenderer.name;
  return c.rng.pick([`${c.full}人民医院`, `${c.full}中医医院`, `${c.full}${c.town.replace(/(街道|镇|乡)$/, '')}中心卫生院`, `${c.full}妇幼保健计划生育服务中心`]);
}

const WORKS: readonly WorksTemplate[] = [
  {
    sectors: ['urban'],
    make: (c) => {
      const r = road(c);
      return { subject: `${c.full}${r}道路提质改造工程`, scope: `改造道路全长约${kmFor(c, 1000, 3000)}公里，规划红线宽度${c.rng.pick([24, 30, 36, 40, 50])}米，主要建设内容包括道路、排水、照明、交通安全设施及绿化等工程`, builder: 'municipal' };
    },
  },
  {
    sectors: ['urban'],
    make: (c) => {
      const homes = unitsFor(c, 8000, 15000, 1);
      return { subject: `${c.full}${c.town}老旧小区改造工程（${c.rng.pick(PHASES)}）`, scope: `涉及${Math.max(1, Math.round(homes / c.rng.int(80, 200)))}个小区、${Math.max(1, Math.round(homes / c.rng.int(20, 40)))}栋楼、${homes}户，主要内容包括屋面防水、外立面整治、雨污分流、供水管网改造、消防设施及小区道路、停车位、绿化提质等`, builder: 'building' };
    },
  },
  {
    sectors: ['urban', 'city_services'],
    make: (c) => ({ subject: `${c.full}城区雨污分流改造工程（${c.rng.pick(PHASES)}）`, scope: `新建污水管网约${kmFor(c, 150, 400)}公里、雨水管网约${kmFor(c, 200, 600)}公里，改造检查井${unitsFor(c, 8000, 20000)}座，并恢复相应路面`, builder: 'municipal' }),
  },
  {
    sectors: ['urban'],
    make: (c) => ({ subject: `${c.full}保障性租赁住房建设项目（${c.rng.int(1, 6)}号地块）`, scope: `总建筑面积约${unitsFor(c, 2800, 3800, 100)}平方米，建设住宅${c.rng.int(2, 16)}栋、配套商业及地下车库，含土建、安装、室外配套工程`, builder: 'building' }),
  },
  {
    sectors: ['urban', 'city_services'],
    make: (c) => ({ subject: `${c.full}${c.rng.pick(c.area.rivers)}风光带景观提质工程`, scope: `治理岸线约${kmFor(c, 500, 2000)}公里，主要建设内容包括游步道、亲水平台、景观绿化、照明及配套服务设施`, builder: 'municipal' }),
  },
  {
    sectors: ['city_services', 'government'],
    make: (c) => ({ subject: `${c.full}${c.town}农贸市场提质改造工程`, scope: `改造建筑面积约${unitsFor(c, 1200, 2500)}平方米，内容包括主体加固、给排水、电气、消防、通风及外立面改造`, builder: 'building' }),
  },
  {
    sectors: ['urban', 'city_services'],
    make: (c) => ({ subject: `${c.full}城市排水防涝设施建设工程`, scope: `新建排涝泵站${c.rng.int(1, 3)}座、箱涵约${kmFor(c, 1500, 4000)}公里，改造易涝点${unitsFor(c, 500_000, 1_500_000, 1)}处`, builder: 'municipal' }),
  },
  {
    sectors: ['transport'],
    make: (c) => ({ subject: `${c.full}${c.town}至${otherTown(c)}公路提质改造工程`, scope: `路线全长约${kmFor(c, 300, 900)}公里，按${c.rng.pick(['二级公路', '三级公路'])}标准建设，设计速度${c.rng.pick([30, 40, 60])}公里/小时，含路基、路面、桥涵、交安及绿化工程`, builder: 'highway' }),
  },
  {
    sectors: ['transport'],
    make: (c) => ({ subject: `${c.full}${c.year}年农村公路安全生命防护工程`, scope: `实施农村公路安防工程约${kmFor(c, 3, 8)}公里，主要包括波形护栏、标志标线、减速带、示警桩等安全设施`, builder: 'highway' }),
  },
  {
    sectors: ['transport'],
    make: (c) => ({ subject: `${c.full}${c.town}${c.rng.pick(VILLAGES)}大桥危桥改造工程`, scope: `拆除重建桥梁一座，桥长约${unitsFor(c, 25_000, 50_000, 1)}米，桥宽${c.rng.pick([8.5, 10, 12])}米，含两岸接线工程`, builder: 'highway' }),
  },
  {
    sectors: ['transport'],
    make: (c) => ({ subject: `${c.area.roads.length > 0 && c.area.centerCode === 'hn' ? `${road(c)}线${c.district.name}段` : `${c.full}国省干线`}公路路面大中修工程`, scope: `整治路段约${kmFor(c, 80, 250)}公里，主要内容包括病害处治、沥青路面铣刨重铺、交安设施完善`, builder: 'highway' }),
  },
  {
    sectors: ['water', 'agriculture'],
    make: (c) => ({ subject: `${c.full}${c.rng.pick(c.area.rivers)}（${c.town}段）中小河流治理工程`, scope: `治理河长约${kmFor(c, 150, 500)}公里，新建及加固堤防约${kmFor(c, 300, 900)}公里，护岸、清淤疏浚及穿堤建筑物改造`, builder: 'water' }),
  },
  {
    sectors: ['water', 'agriculture'],
    make: (c) => ({ subject: `${c.full}${c.year}年高标准农田建设项目（${c.town}片区）`, scope: `建设高标准农田约${unitsFor(c, 1500, 3000, 100)}亩，主要内容包括土地平整、灌溉与排水、田间道路、农田防护与生态环境保护等工程`, builder: 'water' }),
  },
  {
    sectors: ['water'],
    make: (c) => ({ subject: `${c.full}${c.town}${c.rng.pick(VILLAGES)}水库除险加固工程`, scope: `对小（${c.rng.pick(['一', '二'])}）型水库大坝、溢洪道、放水设施进行除险加固，并完善管理设施和雨水情测报设施`, builder: 'water' }),
  },
  {
    sectors: ['water'],
    make: (c) => ({ subject: `${c.full}农村供水保障工程（${c.town}水厂扩建）`, scope: `水厂扩建规模${c.rng.int(5, 30) * 1000}立方米/日，新建及改造配水管网约${kmFor(c, 20, 60)}公里`, builder: 'water' }),
  },
  {
    sectors: ['education'],
    make: (c) => ({ subject: `${school(c)}${c.rng.pick(['教学综合楼', '学生宿舍楼', '风雨操场', '食堂及附属设施', '实训楼'])}建设工程`, scope: `总建筑面积约${unitsFor(c, 3000, 5000)}平方米，地上${c.rng.int(3, 7)}层，框架结构，含土建、装饰装修、给排水、电气、消防及室外配套工程`, builder: 'building' }),
  },
  {
    sectors: ['health'],
    make: (c) => ({ subject: `${hospital(c)}${c.rng.pick(['住院综合楼', '门急诊医技楼', '发热门诊及传染病区', '康复楼', '医疗污水处理站'])}建设工程`, scope: `总建筑面积约${unitsFor(c, 4000, 7000)}平方米，含土建、装饰装修、安装、医用气体、净化及室外配套工程`, builder: 'building' }),
  },
  {
    sectors: ['government', 'security', 'data'],
    make: (c) => ({ subject: `${c.tenderer.name.replace(/(有限公司|有限责任公司)$/, '')}${c.rng.pick(['办公楼维修改造工程', '业务技术用房建设工程', '机房及配套设施改造工程'])}`, scope: `改造（建设）面积约${unitsFor(c, 2000, 5000)}平方米，主要内容包括结构加固、装饰装修、水电、暖通、消防、智能化等`, builder: 'building' }),
  },
  {
    sectors: ['government'],
    make: (c) => ({ subject: `${c.full}${c.town}便民服务中心建设工程`, scope: `新建便民服务中心建筑面积约${unitsFor(c, 3000, 4500)}平方米，含室外配套及停车场`, builder: 'building' }),
  },
];

export function worksSubject(c: SubjectContext): WorksSubject {
  const fits = WORKS.filter((t) => t.sectors.includes(c.tenderer.sector));
  return c.rng.pick(fits.length > 0 ? fits : WORKS).make(c);
}

/** Province highways: 平江至汨罗高速公路第3合同段. */
export function highwaySubject(c: SubjectContext): WorksSubject {
  const a = c.rng.pick(c.district.towns).replace(/(市|县|区|自治县)$/, '');
  const b = otherTown(c).replace(/(市|县|区|自治县)$/, '');
  return { subject: `${a}至${b}高速公路${c.rng.pick(['路基', '路面', '交通安全设施', '房建', '机电'])}工程第${c.rng.int(1, 12)}合同段`, scope: `合同段路线长约${kmFor(c, 3000, 9000)}公里，双向四车道高速公路标准，设计速度100公里/小时`, builder: 'highway' };
}

/** `canBeSoleSource`: an extension of an existing system, where 单一来源 (政府采购法 第三十一条) is plausible. */
export type ProcurementSubject = { subject: string; items: readonly string[]; bidder: BidderKind; minWan: number; maxWan: number; isService: boolean; canBeSoleSource?: boolean };

const PROCUREMENT: readonly (ProcurementSubject & { sectors: readonly Sector[] })[] = [
  { sectors: ['education'], subject: '智慧教室建设', items: ['交互式智能平板', '录播系统', '教室扩声设备'], bidder: 'it', minWan: 50, maxWan: 900, isService: false },
  { sectors: ['education'], subject: '教学仪器设备采购', items: ['理化生实验室设备', '通用技术实验室设备', '音体美器材'], bidder: 'education', minWan: 40, maxWan: 600, isService: false },
  { sectors: ['education'], subject: '学生课桌椅及宿舍家具采购', items: ['学生课桌椅', '学生公寓床', '教师办公桌椅'], bidder: 'furniture', minWan: 30, maxWan: 400, isService: false },
  { sectors: ['education', 'health', 'government'], subject: '物业管理服务', items: ['保洁服务', '安保服务', '设施设备维护'], bidder: 'property', minWan: 50, maxWan: 900, isService: true },
  { sectors: ['education'], subject: '学生食堂食材配送服务', items: ['粮油类', '肉禽蛋类', '蔬菜类'], bidder: 'services', minWan: 100, maxWan: 1500, isService: true },
  { sectors: ['health'], subject: '医疗设备采购', items: ['彩色多普勒超声诊断仪', '数字化X射线摄影系统（DR）', '64排螺旋CT', '全自动生化分析仪', '血液透析机', '电子胃肠镜系统', '1.5T磁共振成像系统'], bidder: 'medical', minWan: 100, maxWan: 3000, isService: false },
  { sectors: ['health'], subject: '医院信息系统升级改造', items: ['电子病历系统', '集成平台', '互联网医院'], bidder: 'it', minWan: 100, maxWan: 1500, isService: false , canBeSoleSource: true },
  { sectors: ['health', 'city_services'], subject: '医疗废物收集处置服务', items: ['医疗废物收运', '医疗废物处置'], bidder: 'sanitation', minWan: 20, maxWan: 200, isService: true },
  { sectors: ['security'], subject: '视频监控系统建设', items: ['前端感知设备', '视频汇聚平台', '传输链路'], bidder: 'it', minWan: 100, maxWan: 3000, isService: false , canBeSoleSource: true },
  { sectors: ['security'], subject: '执法记录仪及警用装备采购', items: ['执法记录仪', '单警装备', '采集工作站'], bidder: 'it', minWan: 30, maxWan: 500, isService: false },
  { sectors: ['security', 'government', 'transport'], subject: '公务用车采购', items: ['新能源轿车', '多功能乘用车', '执法执勤车辆'], bidder: 'vehicle', minWan: 30, maxWan: 500, isService: false },
  { sectors: ['government'], subject: '办公家具采购', items: ['办公桌椅', '文件柜', '会议桌椅'], bidder: 'furniture', minWan: 20, maxWan: 200, isService: false },
  { sectors: ['government'], subject: '保安服务', items: ['门岗值守', '巡逻安保'], bidder: 'services', minWan: 20, maxWan: 300, isService: true },
  { sectors: ['government', 'data'], subject: '网络安全等级保护测评服务', items: ['等级保护测评', '风险评估'], bidder: 'it', minWan: 20, maxWan: 200, isService: true },
  { sectors: ['data'], subject: '政务云服务', items: ['云计算资源', '云安全服务', '运维服务'], bidder: 'it', minWan: 200, maxWan: 3000, isService: true , canBeSoleSource: true },
  { sectors: ['data'], subject: '电子政务外网运维服务', items: ['网络运维', '安全运维'], bidder: 'it', minWan: 50, maxWan: 600, isService: true , canBeSoleSource: true },
  { sectors: ['city_services'], subject: '城区环卫保洁服务', items: ['道路清扫保洁', '垃圾收集转运', '公厕管护'], bidder: 'sanitation', minWan: 200, maxWan: 3000, isService: true },
  { sectors: ['city_services'], subject: '园林绿化养护服务', items: ['道路绿化养护', '公园绿地养护'], bidder: 'municipal', minWan: 50, maxWan: 800, isService: true },
  { sectors: ['city_services'], subject: '路灯及亮化设施维护服务', items: ['路灯维护', '亮化设施维护'], bidder: 'municipal', minWan: 30, maxWan: 400, isService: true },
  { sectors: ['transport'], subject: '新能源公交车采购', items: ['10.5米纯电动公交车', '8.5米纯电动公交车'], bidder: 'vehicle', minWan: 300, maxWan: 3000, isService: false },
  { sectors: ['transport'], subject: '公路日常养护服务', items: ['路面日常养护', '桥涵日常养护'], bidder: 'highway', minWan: 100, maxWan: 1500, isService: true },
  { sectors: ['agriculture'], subject: '农作物病虫害统防统治服务', items: ['水稻病虫害统防统治', '植保无人机作业'], bidder: 'services', minWan: 30, maxWan: 300, isService: true },
  { sectors: ['agriculture'], subject: '动物疫病防控疫苗采购', items: ['口蹄疫疫苗', '高致病性禽流感疫苗'], bidder: 'medical', minWan: 50, maxWan: 500, isService: false },
];

export function procurementSubject(c: SubjectContext): ProcurementSubject {
  const fits = PROCUREMENT.filter((t) => t.sectors.includes(c.tenderer.sector));
  return c.rng.pick(fits.length > 0 ? fits : PROCUREMENT);
}

const SOE_SUBJECTS: readonly ProcurementSubject[] = [
  { subject: '供水管材管件采购', items: ['球墨铸铁管', 'PE给水管', '阀门管件'], bidder: 'water', minWan: 50, maxWan: 1500, isService: false },
  { subject: '智能水表采购', items: ['NB-IoT智能水表', '超声波水表'], bidder: 'it', minWan: 30, maxWan: 600, isService: false },
  { subject: '办公楼物业管理服务', items: ['保洁服务', '安保服务'], bidder: 'property', minWan: 30, maxWan: 400, isService: true },
  { subject: '工程造价咨询服务', items: ['全过程造价咨询'], bidder: 'design', minWan: 20, maxWan: 300, isService: true },
  { subject: '年度车辆租赁服务', items: ['车辆租赁'], bidder: 'vehicle', minWan: 20, maxWan: 200, isService: true },
];

export function soeSubject(c: SubjectContext): ProcurementSubject {
  return c.rng.pick(SOE_SUBJECTS);
}

const MEDICINE_ITEMS = ['人工关节类医用耗材', '冠脉介入类医用耗材', '骨科创伤类医用耗材', '眼科人工晶体类医用耗材', '体外诊断试剂', '血液净化类医用耗材'];

export function medicineSubject(c: SubjectContext): ProcurementSubject {
  const item = c.rng.pick(MEDICINE_ITEMS);
  const level = c.area.centerCode === 'hn' ? '湖南省' : c.area.city;
  return { subject: `${level}公立医疗机构${item}集中带量采购`, items: ['A组', 'B组', 'C组'].map((g) => `${item}${g}`), bidder: 'medical', minWan: 500, maxWan: 3000, isService: false };
}

export type LandUse = { use: string; years: number; minWan: number; maxWan: number; yuanPerM2: readonly [number, number]; plotRatio: string };

export const LAND_USES: readonly (LandUse & { weight: number })[] = [
  { use: '城镇住宅用地', years: 70, minWan: 3000, maxWan: 80000, yuanPerM2: [3000, 16000], plotRatio: '1.0＜容积率≤2.8', weight: 4 },
  { use: '商服用地', years: 40, minWan: 1000, maxWan: 30000, yuanPerM2: [2000, 9000], plotRatio: '1.0＜容积率≤4.0', weight: 2 },
  { use: '工业用地', years: 50, minWan: 500, maxWan: 3000, yuanPerM2: [220, 600], plotRatio: '1.2≤容积率≤3.0', weight: 4 },
  { use: '仓储用地', years: 50, minWan: 500, maxWan: 2500, yuanPerM2: [250, 700], plotRatio: '1.0≤容积率≤2.0', weight: 1 },
];

export const MINERALS = ['建筑用灰岩', '建筑用花岗岩', '建筑用砂岩', '水泥用灰岩', '砖瓦用页岩', '饰面用花岗岩'];

export type AssetKind = { kind: string; minWan: number; maxWan: number; equity: boolean };

export const ASSET_KINDS: readonly (AssetKind & { weight: number })[] = [
  { kind: '闲置房产', minWan: 50, maxWan: 3000, equity: false, weight: 4 },
  { kind: '股权', minWan: 1000, maxWan: 5000, equity: true, weight: 1 },
  { kind: '公务车辆', minWan: 20, maxWan: 150, equity: false, weight: 2 },
  { kind: '门面经营权', minWan: 20, maxWan: 500, equity: false, weight: 2 },
];

export function lotLabel(opts: { lotNo: number; category: string; item?: string | undefined }): string {
  if (opts.category === 'works') return `第${cnNumber(opts.lotNo)}标段`;
  return `包${opts.lotNo}${opts.item ? `：${opts.item}` : ''}`;
}


/**
 * Works of provincial owners: highways and trunk roads across Hunan, Dongting Lake dykes, and buildings of
 * provincial hospitals, universities and departments. `c.district` is a prefecture, `c.town` a county.
 */
export function provinceWorksSubject(c: SubjectContext): WorksSubject {
  const county = c.town;
  switch (c.tenderer.sector) {
    case 'transport':
      if (c.tenderer.kind === 'enterprise' || c.rng.chance(0.3)) return highwaySubject(c);
      return { subject: `${c.rng.pick(c.area.roads)}线${county}段公路路面${c.rng.pick(['大中修', '提质改造', '灾毁恢复重建'])}工程`, scope: `整治路段约${kmFor(c, 80, 250)}公里，主要内容包括路基病害处治、沥青路面铣刨重铺、桥涵维修及交安设施完善`, builder: 'highway' };
    case 'water':
    case 'agriculture':
      return c.rng.pick<WorksSubject>([
        { subject: `洞庭湖区${county}重点垸堤防加固工程`, scope: `加固一线防洪大堤约${kmFor(c, 300, 800)}公里，主要内容包括堤身加培、防渗处理、穿堤建筑物改造及防汛道路`, builder: 'water' },
        { subject: `${c.rng.pick(c.area.rivers)}${county}段防洪治理工程`, scope: `治理河段长约${kmFor(c, 500, 1500)}公里，新建护岸、加固堤防并完善排涝设施`, builder: 'water' },
        { subject: `${county}大型灌区续建配套与现代化改造工程`, scope: `改造干支渠约${kmFor(c, 50, 200)}公里及渠系建筑物${unitsFor(c, 100_000, 400_000, 1)}座，配套量测水及信息化设施`, builder: 'water' },
      ]);
    case 'health':
    case 'education':
      return { subject: `${c.tenderer.name}${c.rng.pick(['住院综合楼', '医技楼', '科研实验楼', '学生公寓', '图书馆', '教学楼'].filter((_, i) => (c.tenderer.sector === 'health' ? i < 3 : i >= 2)))}建设工程`, scope: `总建筑面积约${unitsFor(c, 3500, 6000)}平方米，地上${c.rng.int(5, 18)}层、地下${c.rng.int(1, 2)}层，含土建、安装、装饰装修及室外配套工程`, builder: 'building' };
    default:
      return { subject: `${c.tenderer.name.replace(/(有限公司|有限责任公司)$/, '')}${c.rng.pick(['办公楼维修改造工程', '业务技术用房建设工程', '数据中心机房改造工程'])}`, scope: `改造（建设）面积约${unitsFor(c, 2500, 5000)}平方米，主要内容包括结构加固、装饰装修、水电、暖通、消防及智能化`, builder: 'building' };
  }
}
