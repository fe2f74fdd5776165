import type { Actor } from '../audit/audit.service.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { performCaseAction } from '../disclosure/disclosure.service.ts';
import { fileRequest } from '../disclosure/operations/file-request.ts';
import { draftReplyBody } from '../disclosure/reply-template.ts';
import type { Role } from '../accounts/accounts.policy.ts';
import type { AppContext } from '../platform/context.ts';
import { beijingDayStart, formatDate } from '../platform/dates.ts';
import { residentIdCheckChar } from '../platform/resident-id.ts';
import type { DemoSite } from './demo-articles.ts';
import { createRng, type Rng } from './demo-random.ts';
import { enterpriseCreditCode } from './demo-trading-names.ts';
import { personNames } from './demo-text.ts';

/** Applications a year, by center level (the seeds report a handful to a few dozen a year). */
const PER_YEAR = { province: 26, city: 14, county: 6 } as const;

const REQUESTS = [
  '{year}年度本中心进场交易项目按交易类别的统计数据（项目数、成交金额）。',
  '“{project}”的招标文件、答疑澄清文件及最高投标限价。',
  '“{project}”的评标报告中各投标人的得分情况。',
  '本中心{year}年度部门预算及“三公”经费支出情况。',
  '本中心投标保证金收取、退还的管理办法及执行情况。',
  '“{project}”中标候选人公示期间收到的异议及处理结果。',
  '本中心评标专家抽取的工作规程及{year}年抽取记录。',
  '本中心数字证书（CA）办理收费的依据和标准。',
  '“{project}”投标单位名单及开标记录。',
  '国有建设用地使用权挂牌出让成交确认书（{place}{year}年第{n}号地块）。',
  '本中心{year}年政府采购意向公开情况汇总。',
  '本中心行政处罚、不良行为记录认定的依据及{year}年公布的名单。',
  '{place}公共资源交易目录及进场交易范围的规定。',
  '本中心电子保函受理银行及担保机构的名单和准入条件。',
  '“{project}”合同签订及履约验收情况。',
];
const PROJECTS = ['城区雨污分流改造工程', '第一人民医院医疗设备采购项目', '中小学智慧教室建设项目', '农村公路提质改造工程', '政务服务中心物业管理服务采购', '城市照明节能改造项目', '高标准农田建设项目', '老旧小区改造工程（二期）', '职业技术学院实训楼建设工程', '公交车辆采购项目'];

/** Outcome mix: mostly disclosed, the rest spread over the statutory rows the seeds report. */
const OUTCOME_WEIGHTS: [string, number][] = [
  ['disclosed', 44],
  ['partial', 10],
  ['withheld_third_party', 5],
  ['withheld_process_info', 4],
  ['withheld_internal_affairs', 2],
  ['unavailable_not_held', 14],
  ['unavailable_needs_creation', 6],
  ['not_handled_petition', 4],
  ['not_handled_repeat', 3],
  ['not_handled_publication', 2],
  ['clarification_lapse', 4],
  ['other_other', 2],
];
const TYPE_WEIGHTS: [string, number][] = [['natural_person', 58], ['commercial_enterprise', 30], ['legal_service_org', 6], ['research_institution', 3], ['public_interest_org', 1], ['other_org', 2]];

export type DemoDisclosureResult = { filed: number; closed: number };

/**
 * A year and a bit of applications per center — the last complete year (for its annual report) and this
 * year so far — put through the real operations with the clock set to each step's day: intake, 补正,
 * consultation, extensions approved by the head, reviewed replies and their service, a few appeals. Cases
 * received in the last weeks stay open; a few of last December's are carried over into this year.
 */
export async function seedDemoDisclosure(ctx: AppContext, sites: Map<string, DemoSite>): Promise<DemoDisclosureResult> {
  const now = ctx.clock();
  const thisYear = Number(formatDate(now).slice(0, 4));
  const cal = await ctx.calendar.get();
  const today = formatDate(now);
  const out: DemoDisclosureResult = { filed: 0, closed: 0 };
  for (const [code, site] of sites) {
    const officer = site.staff.foiOfficer;
    const head = site.staff.foiHead;
    if (!officer || !head) continue;
    const rng = createRng(`disclosure:${code}`);
    const perYear = PER_YEAR[site.demo.profile.level];
    const as = (u: { id: number; displayName: string }, roles: Role[]) => ({ actor: { userId: u.id, name: u.displayName, ip: '127.0.0.1', userAgent: 'demo' } satisfies Actor, roles: new Set(roles) });
    const staff = as(officer, ['disclosure_officer']);
    const boss = as(head, ['disclosure_head']);
    const names = personNames(rng, perYear * 2);
    for (let i = 0; i < perYear * 2; i++) {
      const year = i < perYear ? thisYear - 1 : thisYear;
      const dayOfYear = Math.floor(((i % perYear) + rng.next()) * (year === thisYear ? dayOfYearOf(now) - 3 : 362) / perYear);
      const received = firstWorkingDay(cal, shift(`${year}-01-02`, dayOfYear));
      if (received >= today) continue;
      const at = (day: string) => ({ ...ctx, clock: () => new Date(beijingDayStart(day).getTime() + 3 * 3600_000) }) satisfies AppContext;
      const type = weighted(rng, TYPE_WEIGHTS);
      const isPerson = type === 'natural_person';
      const name = isPerson ? (names[i] ?? '张明') : `${site.demo.profile.place.replace(/省|市|县/, '')}${rng.pick(['恒达', '宏远', '华盛', '建投', '天衡', '启明'])}${type === 'legal_service_org' ? '律师事务所' : type === 'research_institution' ? '规划研究院' : '建设工程有限公司'}`;
      const description = rng
        .pick(REQUESTS)
        .replace('{year}', String(year - 1))
        .replace('{project}', `${site.demo.profile.place.replace('湖南省', '')}${rng.pick(PROJECTS)}`)
        .replace('{place}', site.demo.profile.place)
        .replace('{n}', String(rng.int(1, 30)));
      const isPaper = rng.chance(0.2);
      const raw = {
        applicantType: type,
        name,
        idNumber: isPerson ? residentId(rng) : '',
        creditCode: isPerson ? '' : enterpriseCreditCode(name, '430100'),
        contact: {
          phone: `1${rng.pick(['39', '58', '73', '86', '99'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
          email: rng.chance(0.5) ? `applicant${i}@example.cn` : '',
          address: isPaper ? `${site.demo.profile.place}${rng.pick(['人民路', '建设路', '解放大道'])}${rng.int(1, 300)}号` : '',
        },
        description,
        purpose: rng.pick(['', '投标决策参考', '学术研究', '维护合法权益', '工程结算']),
        deliveryForm: isPaper ? 'paper' : 'electronic',
      };
      const channel = rng.chance(0.75) ? 'online' : rng.pick(['in_person', 'post_signed', 'email'] as const);
      const filed = await fileRequest(at(received), { centerId: site.demo.center.id, raw, channel, receivedOn: received, actor: channel === 'online' ? null : staff.actor });
      out.filed += 1;
      const id = filed.request.id;
      const act = async (day: string, who: typeof staff, action: string, form: Record<string, string> = {}) =>
        performCaseAction(at(day), { actor: who.actor, roles: who.roles, centerId: site.demo.center.id, requestId: id, lockVersion: null, action, form });
      const outcome = weighted(rng, OUTCOME_WEIGHTS);
      // Cases received in the last three weeks are still being handled. Last December's are answered in
      // January: carried over into this year, as the annual report counts them.
      const isOpen = addWorkingDays(cal, received, 15).date >= today;
      let day = received;
      const next = (n: number) => (day = addWorkingDays(cal, day, n).date);
      await act(day, staff, 'assign', { assigneeId: String(officer.id) });
      if (outcome === 'clarification_lapse' || rng.chance(0.12)) {
        next(rng.int(1, 5));
        if (day >= today) continue;
        await act(day, staff, 'request-clarification', { items: '请写明所需信息的项目名称、项目编号或文号，以便本中心检索。', periodDays: '10', onDate: day });
        if (outcome === 'clarification_lapse') {
          const lapse = addWorkingDays(cal, day, 11).date;
          if (lapse < today) {
            await act(lapse, staff, 'lapse-clarification');
            out.closed += 1;
          }
          continue;
        }
        next(rng.int(2, 8));
        if (day >= today) continue;
        await act(day, staff, 'receive-clarification', { corrected: `${description}（已补正项目编号）`, onDate: day });
      }
      if (isOpen) continue;
      // Each later step happens on a past day; a case whose next step would fall on or after today stays open.
      if (outcome === 'withheld_third_party' || (outcome === 'partial' && rng.chance(0.5))) {
        if (next(rng.int(1, 4)) >= today) continue;
        await act(day, staff, 'start-consultation', { party: rng.pick(['相关投标单位', '招标人', '中标单位']), kind: 'third_party', onDate: day });
        if (next(rng.int(5, 15)) >= today) continue;
        await act(day, staff, 'end-consultation', { response: outcome === 'withheld_third_party' ? 'disagree' : 'agree', onDate: day });
      }
      if (rng.chance(0.15)) {
        if (next(rng.int(10, 16)) >= today) continue;
        await act(day, staff, 'request-extension', { days: String(rng.pick([5, 10, 15])), reason: '所需信息涉及多个项目档案，需调取纸质档案核对。' });
        await act(day, boss, 'approve-extension');
      }
      if (next(rng.int(3, 12)) >= today) continue;
      const finalOutcome = outcome === 'clarification_lapse' ? 'disclosed' : outcome;
      const body = draftReplyBody({ outcome: finalOutcome, centerName: site.demo.center.name, trackingNo: filed.request.trackingNo, receivedOn: received, description });
      await act(day, staff, 'submit-reply', { outcome: finalOutcome, body });
      await act(day, boss, 'approve-reply');
      const method = rng.chance(0.7) ? 'electronic' : 'post';
      await act(day, staff, 'serve-reply', { method, trackingNo: method === 'post' ? `XA${rng.int(100_000_000, 999_999_999)}CN` : '', servedOn: day });
      out.closed += 1;
      if (rng.chance(0.05)) {
        const filedOn = addWorkingDays(cal, day, rng.int(10, 30)).date;
        const decidedOn = addWorkingDays(cal, filedOn, 40).date;
        const isDecided = decidedOn < today && rng.chance(0.8);
        if (filedOn < today) await act(filedOn, staff, 'record-appeal', { kind: 'reconsideration', filedOn, result: isDecided ? 'upheld' : 'pending', decidedOn: isDecided ? decidedOn : '' });
      }
    }
  }
  return out;
}

function weighted(rng: Rng, items: [string, number][]): string {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[0]?.[0] ?? '';
}

function residentId(rng: Rng): string {
  const birth = `${rng.int(1958, 2001)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = `${rng.pick(['430102', '430104', '430202', '430502', '430521'])}${birth}${String(rng.int(1, 999)).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

function shift(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function firstWorkingDay(cal: Parameters<typeof addWorkingDays>[0], day: string): string {
  return addWorkingDays(cal, shift(day, -1), 1).date;
}

function dayOfYearOf(d: Date): number {
  const day = formatDate(d);
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${day.slice(0, 4)}-01-01T00:00:00Z`)) / 86400_000);
}
