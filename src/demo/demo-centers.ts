import { insertCenter, insertDepartment, type Center, type Department } from '../centers/centers.repo.ts';
import type { Executor } from '../platform/db/client.ts';

/** What the text generators need to know about a center besides its row. */
export type CenterProfile = {
  code: string;
  parentCode: string | null;
  level: 'province' | 'city' | 'county';
  name: string;
  /** 湖南省 / 长沙市: the area the center serves. */
  place: string;
  /** 全省 / 全市: how its own texts refer to that area. */
  scope: string;
  /** 湘 / 长 …: the prefix of local document numbers (湘公管办〔2026〕12号). */
  docAbbr: string;
  /** The people's government of the area (湖南省人民政府). */
  government: string;
  areaCode: string;
  postcode: string;
  street: string;
  siteName: string;
  logoText: string;
  icpNo: string;
  psbNo: string;
  siteIdCode: string;
  indexPrefix: string;
  email: string;
  phoneSuffix: string;
};

export const DEPARTMENT_KEYS = ['office', 'info', 'trade', 'policy', 'expert'] as const;
export type DepartmentKey = (typeof DEPARTMENT_KEYS)[number];

export const DEPARTMENT_NAMES: Record<DepartmentKey, string> = {
  office: '办公室（综合部）',
  info: '信息部',
  trade: '交易服务部',
  policy: '政策法规部',
  expert: '专家管理部',
};

export const OFFICE_HOURS = '工作日 上午8:30—12:00 下午14:30—17:30';

/**
 * The demo tree: the province, three cities and one county under 邵阳. All numbers (ICP, 公安备案,
 * 网站标识码, 统一社会信用代码, telephone) are fictional; e-mail addresses use the reserved example.com.
 */
export const CENTER_PROFILES: readonly CenterProfile[] = [
  {
    code: 'hn',
    parentCode: null,
    level: 'province',
    name: '湖南省公共资源交易中心',
    place: '湖南省',
    scope: '全省',
    docAbbr: '湘',
    government: '湖南省人民政府',
    areaCode: '0731',
    postcode: '410014',
    street: '长沙市雨花区示范路二段 29 号公共资源交易大厦',
    siteName: '湖南省公共资源交易服务平台',
    logoText: '湖南公共资源交易',
    icpNo: '湘ICP备20170931号-1',
    psbNo: '湘公网安备 43010202000931号',
    siteIdCode: '4300000990',
    indexPrefix: '12430000MB1E20016P',
    email: 'ggzy-hn@example.com',
    phoneSuffix: '88000',
  },
  {
    code: 'cs',
    parentCode: 'hn',
    level: 'city',
    name: '长沙市公共资源交易中心',
    place: '长沙市',
    scope: '全市',
    docAbbr: '长',
    government: '长沙市人民政府',
    areaCode: '0731',
    postcode: '410013',
    street: '长沙市岳麓区示范大道 218 号市政务服务中心 4 楼',
    siteName: '长沙市公共资源交易网',
    logoText: '长沙公共资源交易',
    icpNo: '湘ICP备20180114号-1',
    psbNo: '湘公网安备 43010402000114号',
    siteIdCode: '4301000991',
    indexPrefix: '12430100MB1F30027Q',
    email: 'ggzy-cs@example.com',
    phoneSuffix: '88110',
  },
  {
    code: 'zz',
    parentCode: 'hn',
    level: 'city',
    name: '株洲市公共资源交易中心',
    place: '株洲市',
    scope: '全市',
    docAbbr: '株',
    government: '株洲市人民政府',
    areaCode: '0731',
    postcode: '412007',
    street: '株洲市天元区示范路 66 号市民中心 B 座',
    siteName: '株洲市公共资源交易网',
    logoText: '株洲公共资源交易',
    icpNo: '湘ICP备20180255号-1',
    psbNo: '湘公网安备 43021102000255号',
    siteIdCode: '4302000992',
    indexPrefix: '12430200MB1G40038R',
    email: 'ggzy-zz@example.com',
    phoneSuffix: '28220',
  },
  {
    code: 'sy',
    parentCode: 'hn',
    level: 'city',
    name: '邵阳市公共资源交易中心',
    place: '邵阳市',
    scope: '全市',
    docAbbr: '邵',
    government: '邵阳市人民政府',
    areaCode: '0739',
    postcode: '422000',
    street: '邵阳市双清区示范东路 9 号市政务服务中心 3 楼',
    siteName: '邵阳市公共资源交易网',
    logoText: '邵阳公共资源交易',
    icpNo: '湘ICP备20190377号-1',
    psbNo: '湘公网安备 43050202000377号',
    siteIdCode: '4305000993',
    indexPrefix: '12430500MB1H50049T',
    email: 'ggzy-sy@example.com',
    phoneSuffix: '53330',
  },
  {
    code: 'sd',
    parentCode: 'sy',
    level: 'county',
    name: '邵东市公共资源交易中心',
    place: '邵东市',
    scope: '全市',
    docAbbr: '邵东',
    government: '邵东市人民政府',
    areaCode: '0739',
    postcode: '422800',
    street: '邵东市示范路 128 号政务服务中心 2 楼',
    siteName: '邵东市公共资源交易网',
    logoText: '邵东公共资源交易',
    icpNo: '湘ICP备20200488号-1',
    psbNo: '湘公网安备 43058202000488号',
    siteIdCode: '4305820994',
    indexPrefix: '12430582MB1J6005XU',
    email: 'ggzy-sd@example.com',
    phoneSuffix: '26640',
  },
];

export type DemoCenter = { center: Center; profile: CenterProfile; departments: Record<DepartmentKey, Department> };

/** A telephone number of a center's switchboard range: `0731-88000101`. */
export function centerPhone(profile: CenterProfile, extension: number): string {
  return `${profile.areaCode}-${profile.phoneSuffix}${String(extension).padStart(3, '0')}`;
}

/** Inserts the centers (parents first) and their departments. */
export async function createDemoCenters(ex: Executor): Promise<DemoCenter[]> {
  const byCode = new Map<string, Center>();
  const out: DemoCenter[] = [];
  for (const p of CENTER_PROFILES) {
    const parent = p.parentCode ? byCode.get(p.parentCode) : undefined;
    if (p.parentCode && !parent) throw new Error(`demo center ${p.code}: parent ${p.parentCode} not created yet`);
    const center = await insertCenter(ex, {
      parentId: parent?.id ?? null,
      code: p.code,
      level: p.level,
      name: p.name,
      shortName: p.place,
      siteName: p.siteName,
      hostUnit: p.name,
      icpNo: p.icpNo,
      psbNo: p.psbNo,
      siteIdCode: p.siteIdCode,
      logoText: p.logoText,
      address: p.street,
      phone: centerPhone(p, 101),
      fax: centerPhone(p, 109),
      email: p.email,
      officeHours: OFFICE_HOURS,
      indexPrefix: p.indexPrefix,
    });
    byCode.set(p.code, center);
    const departments = await createDepartments(ex, center.id);
    out.push({ center, profile: p, departments });
  }
  return out;
}

async function createDepartments(ex: Executor, centerId: number): Promise<Record<DepartmentKey, Department>> {
  const entries: [DepartmentKey, Department][] = [];
  for (const key of DEPARTMENT_KEYS) entries.push([key, await insertDepartment(ex, { centerId, name: DEPARTMENT_NAMES[key] })]);
  const get = (key: DepartmentKey): Department => {
    const found = entries.find(([k]) => k === key);
    if (!found) throw new Error(`department ${key} missing`);
    return found[1];
  };
  return { office: get('office'), info: get('info'), trade: get('trade'), policy: get('policy'), expert: get('expert') };
}
