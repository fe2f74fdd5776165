import { describe, expect, it } from 'vitest';
import { ENTERED_FIELDS, REPORT_SECTIONS, reportValues, type ComputedFigures, type SettingsFigures } from '../../src/reports/website-report.model.ts';
import { parseEnteredValues, parseReportQuery } from '../../src/reports/website-report.schema.ts';

const now = new Date('2026-01-20T02:00:00Z');
const computed: ComputedFigures = {
  pageViews: 2277700,
  itemsTotal: 4367,
  itemsGeneral: 0,
  itemsNews: 51,
  itemsCatalog: 4367,
  interpretationTotal: 3,
  interpretationMaterials: 3,
  messagesReceived: 43,
  messagesReplied: 40,
  messagesAverageDays: 2.5,
  messagesPublished: 12,
  surveys: 6,
  surveyResponses: 0,
  surveyResults: 0,
};
const settings: SettingsFigures = { siteName: '固原市公共资源交易网', homeUrl: '', hostUnit: '固原市公共资源交易中心', siteIdCode: '6404000001', icpNo: '宁ICP备00000000号', psbNo: '' };

function value(sections: ReturnType<typeof reportValues>, key: string) {
  return sections.flatMap((s) => s.values).find((v) => v.field.key === key);
}

describe('the rows of the 政府网站工作年度报表', () => {
  it('has the sections of the form in its order', () => {
    expect(REPORT_SECTIONS.map((s) => s.title)).toEqual(['网站基本信息', '信息发布', '专栏专题', '解读回应', '办事服务', '互动交流', '安全防护', '移动新媒体', '创新发展', '填报信息']);
  });

  it('shows computed figures as computed and entered ones as entered', () => {
    const s = reportValues({ computed, settings, entered: { securityChecks: 2, drills: true, searchAsService: false } });
    expect(value(s, 'pageViews')).toMatchObject({ display: '2277700', source: 'computed' });
    expect(value(s, 'messagesAverageDays')).toMatchObject({ display: '2.5', source: 'computed' });
    expect(value(s, 'securityChecks')).toMatchObject({ display: '2', source: 'entered' });
    expect(value(s, 'drills')).toMatchObject({ display: '是', source: 'entered' });
    expect(value(s, 'searchAsService')).toMatchObject({ display: '否', source: 'entered' });
    expect(value(s, 'siteName')).toMatchObject({ display: '固原市公共资源交易网', source: 'settings' });
  });

  it('never turns a missing figure into a zero', () => {
    const s = reportValues({ computed: { ...computed, messagesAverageDays: null }, settings, entered: {} });
    expect(value(s, 'uniqueVisitors')).toMatchObject({ display: '未统计', value: null });
    expect(value(s, 'securityChecks')).toMatchObject({ display: '未填报', value: null });
    expect(value(s, 'drills')).toMatchObject({ display: '未填报', value: null });
    expect(value(s, 'messagesAverageDays')).toMatchObject({ value: null, source: 'uncounted' });
    expect(value(s, 'psbNo')).toMatchObject({ display: '未设置', value: null });
    expect(value(s, 'homeUrl')).toMatchObject({ display: '未设置' });
  });

  it('lets staff enter what the platform cannot compute: security checks, drills, innovation', () => {
    const keys = ENTERED_FIELDS.map((f) => f.key);
    for (const k of ['securityChecks', 'drills', 'searchAsService', 'multilingual', 'accessibility', 'personalised', 'uniqueVisitors']) expect(keys).toContain(k);
    for (const k of ['pageViews', 'itemsTotal', 'messagesReceived']) expect(keys).not.toContain(k);
  });
});

describe('the year and the entered values', () => {
  it('defaults to the previous year and accepts years up to the current one', () => {
    expect(parseReportQuery({}, now)).toMatchObject({ year: 2025, scope: 'self' });
    expect(parseReportQuery({ year: '2026', scope: 'subtree' }, now)).toMatchObject({ year: 2026, scope: 'subtree' });
  });

  it('refuses a bad year or scope in Chinese', () => {
    const msg = (q: Record<string, unknown>) => {
      const r = parseReportQuery(q, now);
      return 'errors' in r ? r.errors.map((e) => e.message) : [];
    };
    expect(msg({ year: 'abc' })).toEqual(['年度应为 2000 至 2026 之间的四位数字，如 2025']);
    expect(msg({ year: '2027' })).toEqual(['年度应为 2000 至 2026 之间的四位数字，如 2025']);
    expect(msg({ year: '1999' })).toEqual(['年度应为 2000 至 2026 之间的四位数字，如 2025']);
    expect(msg({ year: ['2025', '2024'] })).toEqual(['年度只能填写一个，如 2025']);
    expect(msg({ scope: 'x' })).toEqual(['统计范围应为“本中心网站”或“含下级中心”']);
  });

  it('reads counts, yes/no, choices and text, and leaves empty rows out', () => {
    const r = parseEnteredValues({ securityChecks: '2', securityProblems: '1,200', drills: 'yes', monitoring: 'no', siteType: '部门网站', weiboName: ' <b>固原交易</b> ', registeredUsers: '' });
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual({ securityChecks: 2, securityProblems: 1200, drills: true, monitoring: false, siteType: '部门网站', weiboName: '固原交易' });
  });

  it('names the row of each bad value', () => {
    const r = parseEnteredValues({ securityChecks: '-1', drills: 'maybe', siteType: '个人网站', interviews: '2.5', phone: '电'.repeat(201), weiboPosts: ['1', '2'] });
    expect(r.errors.map((e) => e.message)).toEqual([
      '网站类型：请从列出的选项中选择',
      '在线访谈：访谈期数：应为不小于 0 的整数（单位：期）',
      '安全检测评估次数：应为不小于 0 的整数（单位：次）',
      '是否开展应急演练：请选择“是”或“否”',
      '微博：信息发布量：只能填写一个值',
      '联系电话：不能超过 200 个字',
    ]);
  });
});
