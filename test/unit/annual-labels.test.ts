import { describe, expect, it } from 'vitest';
import { placeCells, proactiveLayout, requestsLayout, reviewLayout } from '../../src/reports/annual/annual-layout.ts';
import { emptyProactive, emptyRequestGrid, emptyReview, REQUEST_ROWS, SECTION_IDS, SECTION_TITLES } from '../../src/reports/annual/annual.model.ts';
import { presentReport } from '../../src/reports/annual/annual.presenter.ts';

/**
 * The reference list: 国办公开办函〔2021〕30号 as transcribed in reference/disclosure-law.md §2.1–§2.4 (three
 * sources agree), with the full-width curly quotes of the official Word file. Typed here by hand, so a
 * change of a label in the code fails this test.
 */
const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const TABLE3_ROWS_2021 = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及\u201c三安全一稳定\u201d',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
];
const TABLE3_GROUPS = ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'];
const TABLE3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function doc(format: '2021' | '2019' = '2021') {
  return presentReport({
    year: 2025,
    center: { code: 'gy', name: '固原市公共资源交易中心' },
    status: 'draft',
    figures: { format, requests: emptyRequestGrid(format), proactive: emptyProactive(), reviewLitigation: emptyReview() },
    narrative: {},
    checks: [],
  });
}

const texts = (cells: { text: string }[]) => cells.map((c) => c.text);

describe('the 2021 format, verbatim', () => {
  it('titles the six sections exactly', () => {
    expect(SECTION_IDS.map((id) => SECTION_TITLES[id])).toEqual(HEADINGS);
    expect(doc().sections.map((s) => s.title)).toEqual(HEADINGS);
  });

  it('has every row of table 三 in order, with the curly quotes of the Word file', () => {
    expect(REQUEST_ROWS['2021'].map((r) => r.label)).toEqual(TABLE3_ROWS_2021);
    expect(doc().tables.requests.rows.map((r) => r.label)).toEqual(TABLE3_ROWS_2021);
    expect(TABLE3_ROWS_2021[6]?.codePointAt(4)).toBe(0x201c);
  });

  it('has the seven columns of table 三, the five organisations under 法人或其他组织', () => {
    const cols = doc().tables.requests.columns;
    expect(cols.map((c) => c.label)).toEqual(TABLE3_COLUMNS);
    expect(cols.filter((c) => c.group === '法人或其他组织').map((c) => c.label)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });

  it('lays table 三 out as the template: the note cell 3×3, 申请人情况 over 7, 三、本年度办理结果 over 22 rows', () => {
    const t = requestsLayout(doc());
    const cells = placeCells(t);
    expect(cells[0]).toMatchObject({ text: TABLE3_NOTE, colSpan: 3, rowSpan: 3, row: 0, col: 0 });
    expect(cells.find((c) => c.text === '申请人情况')).toMatchObject({ colSpan: 7, row: 0, col: 3 });
    expect(cells.find((c) => c.text === '法人或其他组织')).toMatchObject({ colSpan: 5, row: 1, col: 4 });
    expect(cells.find((c) => c.text === '自然人')).toMatchObject({ rowSpan: 2, row: 1, col: 3 });
    expect(cells.find((c) => c.text === '总计' && c.kind === 'head')).toMatchObject({ rowSpan: 2, col: 9 });
    const groups = cells.filter((c) => c.kind === 'group');
    expect(groups.map((g) => [g.text, g.rowSpan])).toEqual([
      ['三、本年度办理结果', 22],
      ['（三）不予公开', 8],
      ['（四）无法提供', 3],
      ['（五）不予处理', 5],
      ['（六）其他处理', 3],
    ]);
    expect(texts(groups)).toEqual(TABLE3_GROUPS);
    // Every data row ends with its seven numbers in columns 4–10.
    expect(t.rows.slice(3).every((line) => line.filter((c) => c.kind === 'value').length === 7)).toBe(true);
    expect(cells.filter((c) => c.kind === 'value').every((c) => c.col >= 3)).toBe(true);
  });

  it('lays table 二 out in its four blocks of 第二十条 with the labels of the format', () => {
    const t = proactiveLayout(doc());
    expect(texts(t.rows.flat())).toEqual([
      '第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '0', '0', '0', '行政规范性文件', '0', '0', '0',
      '第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可', '0',
      '第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', '0', '行政强制', '0',
      '第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费', '0',
    ]);
  });

  it('lays table 四 out as 行政复议 (5) and 行政诉讼 (未经复议直接起诉 5, 复议后起诉 5), one row of 15 numbers', () => {
    const t = reviewLayout(doc());
    const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    expect(texts(t.rows[0] ?? [])).toEqual(['行政复议', '行政诉讼']);
    expect(texts(t.rows[1] ?? [])).toEqual([...results, '未经复议直接起诉', '复议后起诉']);
    expect(texts(t.rows[2] ?? [])).toEqual([...results, ...results]);
    expect(t.rows[3]?.length).toBe(15);
    expect(doc().tables.reviewLitigation.columns.map((c) => c.id).slice(0, 5)).toEqual(['reconsideration_upheld', 'reconsideration_corrected', 'reconsideration_other', 'reconsideration_pending', 'reconsideration_total']);
  });

  it('keeps the 2019 trial format’s single （六）其他处理 row, so 三 spans 20 rows there', () => {
    const rows = REQUEST_ROWS['2019'].map((r) => r.label);
    expect(rows).toHaveLength(23);
    expect(rows.slice(-4)).toEqual(['5.要求行政机关确认或重新出具已获取信息', '（六）其他处理', '（七）总计', '四、结转下年度继续办理']);
    const groups = placeCells(requestsLayout(doc('2019'))).filter((c) => c.kind === 'group');
    expect(groups.map((g) => [g.text, g.rowSpan])).toEqual([
      ['三、本年度办理结果', 20],
      ['（三）不予公开', 8],
      ['（四）无法提供', 3],
      ['（五）不予处理', 5],
    ]);
  });
});
