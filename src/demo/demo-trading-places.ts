import type { Rng } from './demo-random.ts';

/**
 * The geography the trading plan writes about: each demo center's districts (with their GB/T 2260 codes,
 * which become `project.region`), towns, roads and rivers, and the public bodies that tender there.
 */

export type District = { name: string; code: string; isUrban: boolean; towns: readonly string[] };

export type TradingArea = {
  centerCode: string;
  /** 长沙市; the province's is 湖南省. */
  city: string;
  cityCode: string;
  /** Upper-case letters used in project and contract numbers (CS-TD-2026-015). */
  latin: string;
  districts: readonly District[];
  roads: readonly string[];
  rivers: readonly string[];
  /** Number of 开标室 at the center. */
  openingRooms: number;
};

const d = (name: string, code: string, isUrban: boolean, towns: string): District => ({ name, code, isUrban, towns: towns.split(' ') });

export const TRADING_AREAS: readonly TradingArea[] = [
  {
    centerCode: 'hn',
    city: '湖南省',
    cityCode: '430000',
    latin: 'HN',
    // The province's projects lie all over Hunan: its "districts" are the prefectures.
    districts: [
      d('长沙市', '430100', true, '岳麓区 雨花区 望城区 浏阳市 宁乡市'),
      d('株洲市', '430200', true, '天元区 醴陵市 攸县 茶陵县'),
      d('湘潭市', '430300', true, '岳塘区 湘乡市 韶山市 湘潭县'),
      d('衡阳市', '430400', true, '蒸湘区 耒阳市 衡东县 祁东县'),
      d('邵阳市', '430500', true, '北塔区 武冈市 隆回县 新宁县'),
      d('岳阳市', '430600', true, '岳阳楼区 汨罗市 平江县 华容县'),
      d('常德市', '430700', true, '武陵区 津市市 桃源县 澧县'),
      d('张家界市', '430800', false, '永定区 慈利县 桑植县'),
      d('益阳市', '430900', true, '赫山区 沅江市 安化县'),
      d('郴州市', '431000', true, '北湖区 资兴市 宜章县 汝城县'),
      d('永州市', '431100', false, '冷水滩区 祁阳市 道县 江永县'),
      d('怀化市', '431200', false, '鹤城区 洪江市 沅陵县 芷江侗族自治县'),
      d('娄底市', '431300', true, '娄星区 冷水江市 涟源市 新化县'),
      d('湘西土家族苗族自治州', '433100', false, '吉首市 凤凰县 永顺县 花垣县'),
    ],
    roads: ['G207', 'G319', 'G320', 'G353', 'S206', 'S217', 'S312', 'S315', 'S321'],
    rivers: ['湘江', '资江', '沅水', '澧水', '洞庭湖'],
    openingRooms: 8,
  },
  {
    centerCode: 'cs',
    city: '长沙市',
    cityCode: '430100',
    latin: 'CS',
    districts: [
      d('芙蓉区', '430102', true, '马坡岭街道 东湖街道 火星街道 定王台街道'),
      d('天心区', '430103', true, '暮云街道 南托街道 坡子街街道 桂花坪街道'),
      d('岳麓区', '430104', true, '含浦街道 坪塘街道 莲花镇 雨敞坪镇'),
      d('开福区', '430105', true, '捞刀河街道 沙坪街道 青竹湖街道 洪山街道'),
      d('雨花区', '430111', true, '黎托街道 同升街道 跳马镇 洞井街道'),
      d('望城区', '430112', true, '乔口镇 靖港镇 铜官街道 茶亭镇 白箬铺镇'),
      d('长沙县', '430121', false, '黄兴镇 江背镇 春华镇 开慧镇 金井镇 福临镇'),
      d('浏阳市', '430181', false, '大瑶镇 永安镇 沙市镇 官渡镇 社港镇 古港镇'),
      d('宁乡市', '430182', false, '灰汤镇 双江口镇 花明楼镇 老粮仓镇 煤炭坝镇'),
    ],
    roads: ['芙蓉中路', '五一大道', '人民东路', '韶山南路', '万家丽路', '岳麓大道', '潇湘大道', '桐梓坡路', '金星北路', '湘府东路', '黄兴大道', '开元东路', '车站北路', '洪山路', '暮云大道'],
    rivers: ['浏阳河', '捞刀河', '靳江河', '沩水', '圭塘河', '龙王港', '八曲河'],
    openingRooms: 8,
  },
  {
    centerCode: 'zz',
    city: '株洲市',
    cityCode: '430200',
    latin: 'ZZ',
    districts: [
      d('荷塘区', '430202', true, '月塘街道 宋家桥街道 仙庾镇 桂花街道'),
      d('芦淞区', '430203', true, '建宁街道 龙泉街道 白关镇 枫溪街道'),
      d('石峰区', '430204', true, '响石岭街道 清水塘街道 龙头铺街道 云田镇'),
      d('天元区', '430211', true, '栗雨街道 马家河街道 雷打石镇 群丰镇 三门镇'),
      d('渌口区', '430212', false, '渌口镇 南洲镇 龙船镇 古岳峰镇'),
      d('攸县', '430223', false, '网岭镇 皇图岭镇 新市镇 黄丰桥镇 桃水镇'),
      d('茶陵县', '430224', false, '洣江街道 严塘镇 高陇镇 火田镇 湖口镇'),
      d('炎陵县', '430225', false, '霞阳镇 沔渡镇 十都镇 鹿原镇'),
      d('醴陵市', '430281', false, '浦口镇 白兔潭镇 王仙镇 东富镇 孙家湾镇'),
    ],
    roads: ['新华西路', '建设中路', '长江北路', '神农大道', '珠江北路', '天台路', '红旗中路', '车站路', '湘芸中路', '黄河南路', '栗雨路', '株洲大道'],
    rivers: ['湘江', '渌水', '洣水', '枫溪港', '白石港', '建宁港', '万丰港'],
    openingRooms: 5,
  },
  {
    centerCode: 'sy',
    city: '邵阳市',
    cityCode: '430500',
    latin: 'SY',
    districts: [
      d('双清区', '430502', true, '龙须塘街道 火车站乡 渡头桥镇 高崇山镇'),
      d('大祥区', '430503', true, '城西街道 罗市镇 蔡锷乡 板桥乡'),
      d('北塔区', '430511', true, '茶元头街道 陈家桥镇 状元洲街道 田江街道'),
      d('新邵县', '430522', false, '酿溪镇 严塘镇 雀塘镇 坪上镇'),
      d('邵阳县', '430523', false, '塘渡口镇 白仓镇 九公桥镇 黄亭市镇'),
      d('隆回县', '430524', false, '桃洪镇 六都寨镇 周旺镇 荷香桥镇'),
      d('洞口县', '430525', false, '洞口镇 高沙镇 竹市镇 黄桥镇'),
      d('新宁县', '430528', false, '金石镇 崀山镇 回龙寺镇 黄龙镇'),
      d('武冈市', '430581', false, '迎春亭街道 邓元泰镇 湾头桥镇 邓家铺镇'),
    ],
    roads: ['资江北路', '宝庆中路', '邵州路', '敏州东路', '红旗路', '城南路', '建设北路', '双拥路', '雪峰大道', '龙须塘路', '西湖南路', '桃花路'],
    rivers: ['资江', '邵水', '夫夷水', '赧水', '蓼水', '辰水'],
    openingRooms: 4,
  },
  {
    centerCode: 'sd',
    city: '邵东市',
    cityCode: '430582',
    latin: 'SD',
    districts: [d('邵东市', '430582', false, '两市塘街道 宋家塘街道 大禾塘街道 廉桥镇 火厂坪镇 牛马司镇 团山镇 灵官殿镇 仙槎桥镇 流泽镇 魏家桥镇 杨桥镇 黑田铺镇 简家陇镇 砂石镇 佘田桥镇')],
    roads: ['金龙大道', '昭阳大道', '衡宝路', '建设路', '红岭路', '百富路', '人民路'],
    rivers: ['邵水', '蒸水', '测水'],
    openingRooms: 2,
  },
];

export function getTradingArea(centerCode: string): TradingArea {
  const area = TRADING_AREAS.find((a) => a.centerCode === centerCode);
  if (!area) throw new Error(`no trading area for center ${centerCode}`);
  return area;
}

/** A street address in the center's city (the province's firms and bodies sit in 长沙). */
export function streetAddress(rng: Rng, centerCode: string): string {
  const area = getTradingArea(centerCode === 'hn' ? 'cs' : centerCode);
  const urban = area.districts.filter((x) => x.isUrban);
  const district = rng.pick(urban.length > 0 ? urban : area.districts);
  return `${districtFullName(area, district)}${rng.pick(area.roads)}${rng.int(1, 599)}号`;
}

/** The demo center whose city a region code lies in; elsewhere (湘潭, out of province …) 长沙. */
export function centerOfRegion(regionCode: string): string {
  if (regionCode === '430582') return 'sd';
  return { '4301': 'cs', '4302': 'zz', '4305': 'sy' }[regionCode.slice(0, 4)] ?? 'cs';
}

/** 邵阳市北塔区 for an urban district, 隆回县 for a county; 邵东市 stays itself. */
export function districtFullName(area: TradingArea, district: District): string {
  if (area.centerCode === 'hn' || district.name === area.city) return district.name;
  return district.name.endsWith('区') ? `${area.city}${district.name}` : district.name;
}

/** Which kind of public body a tenderer is: it decides the first two characters of its credit code. */
export type UnitKind = 'agency' | 'institution' | 'enterprise';

export type Sector = 'transport' | 'urban' | 'city_services' | 'water' | 'education' | 'health' | 'government' | 'security' | 'data' | 'agriculture' | 'land' | 'assets' | 'medicine' | 'soe';

export type TendererSpec = { name: string; kind: UnitKind; sector: Sector; regionCode: string; district: District };

/** City- and district-level departments, by sector. */
const CITY_DEPTS: readonly [string, Sector][] = [
  ['住房和城乡建设局', 'urban'],
  ['交通运输局', 'transport'],
  ['水利局', 'water'],
  ['教育局', 'education'],
  ['卫生健康委员会', 'health'],
  ['公安局', 'security'],
  ['城市管理和综合执法局', 'city_services'],
  ['农业农村局', 'agriculture'],
  ['机关事务管理局', 'government'],
  ['数据资源局', 'data'],
  ['民政局', 'government'],
  ['生态环境局', 'government'],
  ['文化旅游广电体育局', 'government'],
];
const DISTRICT_DEPTS: readonly [string, Sector][] = [
  ['住房和城乡建设局', 'urban'],
  ['交通运输局', 'transport'],
  ['水利局', 'water'],
  ['教育局', 'education'],
  ['卫生健康局', 'health'],
  ['农业农村局', 'agriculture'],
  ['城市管理和综合执法局', 'city_services'],
  ['机关事务服务中心', 'government'],
];

const PROVINCE_UNITS: readonly [string, UnitKind, Sector, string][] = [
  ['湖南省交通运输厅', 'agency', 'transport', '430100'],
  ['湖南省公路事务中心', 'institution', 'transport', '430100'],
  ['湖南省高速公路集团有限公司', 'enterprise', 'transport', '430100'],
  ['湖南省水利厅', 'agency', 'water', '430100'],
  ['湖南省洞庭湖水利事务中心', 'institution', 'water', '430600'],
  ['湖南省人民医院', 'institution', 'health', '430100'],
  ['湖南省肿瘤医院', 'institution', 'health', '430100'],
  ['湖南省儿童医院', 'institution', 'health', '430100'],
  ['湖南省妇幼保健院', 'institution', 'health', '430100'],
  ['湖南师范大学', 'institution', 'education', '430100'],
  ['湖南农业大学', 'institution', 'education', '430100'],
  ['湖南中医药大学', 'institution', 'education', '430100'],
  ['湖南工业职业技术学院', 'institution', 'education', '430100'],
  ['湖南省公安厅', 'agency', 'security', '430100'],
  ['湖南省机关事务管理局', 'agency', 'government', '430100'],
  ['湖南省数据局', 'agency', 'data', '430100'],
  ['湖南省农业农村厅', 'agency', 'agriculture', '430100'],
  ['湖南省自然资源厅', 'agency', 'land', '430100'],
  ['湖南省医疗保障局', 'agency', 'medicine', '430100'],
  ['湖南兴湘投资控股集团有限公司', 'enterprise', 'assets', '430100'],
  ['湖南省建设投资集团有限责任公司', 'enterprise', 'soe', '430100'],
  ['湖南省水利发展投资有限公司', 'enterprise', 'soe', '430100'],
];

/** Every tenderer of a center's area, in a fixed order. */
export function tenderersOf(area: TradingArea): TendererSpec[] {
  const first = area.districts[0];
  if (!first) throw new Error(`area ${area.centerCode} has no district`);
  if (area.centerCode === 'hn') {
    return PROVINCE_UNITS.map(([name, kind, sector, regionCode]) => ({ name, kind, sector, regionCode, district: area.districts.find((x) => x.code === regionCode) ?? first }));
  }
  const out: TendererSpec[] = [];
  const cityDistrict: District = area.centerCode === 'sd' ? first : { name: area.city, code: area.cityCode, isUrban: true, towns: area.districts.flatMap((x) => x.towns.slice(0, 1)) };
  const add = (name: string, kind: UnitKind, sector: Sector, district: District) => out.push({ name, kind, sector, regionCode: district.code, district });
  const short = area.city.replace(/市$/, '');
  for (const [dept, sector] of CITY_DEPTS) add(`${area.city}${dept === '卫生健康委员会' && area.centerCode === 'sd' ? '卫生健康局' : dept}`, 'agency', sector, cityDistrict);
  add(`${area.city}自然资源和规划局`, 'agency', 'land', cityDistrict);
  add(`${area.city}医疗保障局`, 'agency', 'medicine', cityDistrict);
  add(`${short}城市建设投资${area.centerCode === 'sd' ? '经营有限责任公司' : '集团有限公司'}`, 'enterprise', 'urban', cityDistrict);
  add(`${short}交通建设投资有限公司`, 'enterprise', 'transport', cityDistrict);
  add(`${short}国有资产投资控股集团有限公司`, 'enterprise', 'assets', cityDistrict);
  add(`${short}水务投资集团有限公司`, 'enterprise', 'soe', cityDistrict);
  add(`${short}产业发展集团有限公司`, 'enterprise', 'soe', cityDistrict);
  add(`${area.city}人民医院`, 'institution', 'health', cityDistrict);
  add(`${area.city}中医医院`, 'institution', 'health', cityDistrict);
  add(`${area.city}妇幼保健院`, 'institution', 'health', cityDistrict);
  add(`${area.city}第一中学`, 'institution', 'education', cityDistrict);
  add(`${area.city}职业中等专业学校`, 'institution', 'education', cityDistrict);
  if (area.centerCode === 'sd') return out;
  add(`${area.city}中心医院`, 'institution', 'health', cityDistrict);
  add(`${area.city}第二中学`, 'institution', 'education', cityDistrict);
  add(`${area.city}实验小学`, 'institution', 'education', cityDistrict);
  add(`${short}职业技术学院`, 'institution', 'education', cityDistrict);
  for (const district of area.districts) {
    const full = districtFullName(area, district);
    for (const [dept, sector] of DISTRICT_DEPTS) add(`${full}${dept}`, 'agency', sector, district);
    add(`${full}人民医院`, 'institution', 'health', district);
    add(`${district.name.replace(/(区|县|市)$/, '')}城市建设投资有限公司`, 'enterprise', 'urban', district);
    if (!district.isUrban) add(`${full}自然资源局`, 'agency', 'land', district);
  }
  return out;
}

/** The department that supervises a project's procedure (行政监督部门). */
export function supervisorOf(opts: { area: TradingArea; sector: Sector; category: string; district: District }): string {
  const { area, sector, category } = opts;
  const level = area.centerCode === 'hn' ? '湖南省' : area.city;
  if (category === 'procurement') return `${level}财政${area.centerCode === 'hn' ? '厅' : '局'}`;
  if (category === 'land_mining') return area.centerCode === 'hn' ? '湖南省自然资源厅' : `${area.city}自然资源和规划局`;
  if (category === 'state_assets') return `${level}人民政府国有资产监督管理委员会`;
  if (category === 'medicine') return `${level}医疗保障局`;
  if (category === 'other') return `${level}公共资源交易管理办公室`;
  const dept = sector === 'transport' ? '交通运输' : sector === 'water' ? '水利' : '住房和城乡建设';
  return area.centerCode === 'hn' ? `湖南省${dept}厅` : `${area.city}${dept}局`;
}
