import type { Role } from '../accounts/accounts.policy.ts';
import type { User } from '../accounts/accounts.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { beijingYear } from '../platform/dates.ts';
import { collectYear } from '../reports/annual/annual-data.ts';
import { emptyRequestGrid, NARRATIVE_KEYS, ROW, type NarrativeKey, type RequestGrid } from '../reports/annual/annual.model.ts';
import { editAnnualNarrative } from '../reports/annual/operations/edit-annual-narrative.ts';
import { enterAnnualReport } from '../reports/annual/operations/enter-annual-report.ts';
import { generateAnnualReport } from '../reports/annual/operations/generate-annual-report.ts';
import { submitAnnualReport } from '../reports/annual/operations/submit-annual-report.ts';
import { approveReviewTask } from '../review/operations/decide-review-task.ts';
import { findActiveRun, listTasksOfRuns } from '../review/review.repo.ts';
import { actorOf, type DemoSite } from './demo-articles.ts';
import type { CenterProfile } from './demo-centers.ts';
import type { PlannedArticle } from './demo-plan.ts';
import { createRng, type Rng } from './demo-random.ts';

const ADMIN_ROLES: ReadonlySet<Role> = new Set<Role>(['center_admin']);
const REVIEWER_ROLES: ReadonlySet<Role> = new Set<Role>(['reviewer']);
const STEP_COMMENTS = ['数据已与依申请公开台账核对一致，同意报送综合部核稿。', '已核稿，表格勾稽关系无误，文字规范。', '同意，呈主要领导审定。', '同意发布。'];
/** The four steps of the demo chain; a chain longer than this is a change the demo must hear about. */
const MAX_STEPS = 8;

export type DemoAnnualReportsResult = { published: number; enteredPreviousYears: number };

/**
 * The report of the last complete year for every demo center, through the real operations a center admin
 * and the reviewers would use: generate from the seeded data, fill in the “【请补充…】” prompts, submit
 * (article in 年度报告, review run), approve the four steps as their assignees, which publishes it. Where
 * the demo history holds last year's report (a text-only article written by demo-plan), its table 三 is
 * entered first, as a center would when starting to use the platform, so the carry-over check runs
 * instead of being skipped. Runs after the demo applications are seeded.
 */
export async function publishDemoAnnualReports(ctx: AppContext, opts: { sites: Map<string, DemoSite>; plan: PlannedArticle[] }): Promise<DemoAnnualReportsResult> {
  const year = beijingYear(ctx.clock()) - 1;
  const out: DemoAnnualReportsResult = { published: 0, enteredPreviousYears: 0 };
  for (const [code, site] of opts.sites) {
    const admin = site.staff.admin;
    if (!admin) continue;
    const centerId = site.demo.center.id;
    const asAdmin = { actor: actorOf(admin), roles: ADMIN_ROLES };
    if (await enterPreviousYear(ctx, { site, plan: opts.plan, year: year - 1, asAdmin })) out.enteredPreviousYears++;
    const report = await generateAnnualReport(ctx, { centerId, year, ...asAdmin });
    const rng = createRng(`annual-report:${code}:${year}`);
    const texts: Partial<Record<NarrativeKey, string>> = {};
    for (const key of NARRATIVE_KEYS) {
      const text = report.narrative[key]?.text ?? '';
      const filled = fillPrompts(text, { profile: site.demo.profile, siteName: site.demo.center.siteName, rng });
      if (filled !== text) texts[key] = filled;
    }
    await editAnnualNarrative(ctx, { centerId, year, texts, lockVersion: report.lockVersion, ...asAdmin });
    const { articleId } = await submitAnnualReport(ctx, { centerId, year, user: admin, ...asAdmin });
    await approveAllSteps(ctx, { site, articleId });
    out.published++;
  }
  return out;
}

/** Replaces every “【请补充：…】” prompt of the drafts with what a trading center would write there. */
export function fillPrompts(text: string, o: { profile: CenterProfile; siteName: string; rng: Rng }): string {
  return text.replace(/【请补充：([^】]*)】/g, (_, prompt: string) => {
    const filled = promptText(prompt, o);
    if (filled === null) throw new Error(`demo annual report: no text for the prompt “${prompt}” (annual-narrative.ts changed?)`);
    return filled;
  });
}

function promptText(prompt: string, o: { profile: CenterProfile; siteName: string; rng: Rng }): string | null {
  const { profile, rng } = o;
  if (prompt.startsWith('网站、政务新媒体')) {
    return `${o.siteName}全年安全平稳运行，完成网络安全等级保护测评和适老化、无障碍改造；“${profile.name}”微信公众号发布信息${rng.int(120, 360)}条，与门户网站同步发布交易公告和政策文件。`;
  }
  if (prompt.startsWith('政府信息公开目录和指南')) {
    return '年内更新了政府信息公开指南和主动公开目录，落实“先审查、后公开”和“一事一审”的保密审查要求，对涉及个人信息和商业秘密的内容逐项审查，全年未发生泄密和不当公开个人信息的情况。';
  }
  if (prompt.startsWith('工作机构、制度建设')) {
    return `中心明确综合部为政府信息公开工作机构，配备专兼职工作人员${rng.int(2, 5)}名；修订了《信息发布审核管理办法》，组织政府信息公开和保密业务培训${rng.int(2, 4)}次，将信息公开工作纳入各部门年度绩效考核。全年未发生因政府信息公开工作被责任追究的情况。`;
  }
  if (prompt.startsWith('上一年度报告所列问题')) {
    return '针对上年度报告指出的部分信息公开不够及时、政策解读形式较为单一等问题，中心建立了信息发布台账并按周通报，新增图解、问答等解读形式，信息发布的及时性明显提高。';
  }
  if (prompt.startsWith('本年度工作中存在的主要问题')) {
    return '一是交易信息按交易类别和交易环节的分类公开还不够细致；二是依申请公开答复文书的规范化水平有待进一步提高。';
  }
  if (prompt.startsWith('下一步的改进措施')) {
    return '一是细化主动公开目录，按交易类别和交易环节归集发布交易信息；二是完善依申请公开答复模板和法制审核，加强业务培训；三是推进政务新媒体与门户网站信息同步发布，提升公开实效。';
  }
  return null;
}

/**
 * Enters last year's table 三 (and table 二 as the seeded policies give it) from the history article
 * demo-plan wrote: “新收政府信息公开申请 N 件，均在法定期限内答复” — all disclosed, none carried over,
 * which is what the seeded applications (all received this year or last) carry into this year.
 */
async function enterPreviousYear(ctx: AppContext, o: { site: DemoSite; plan: PlannedArticle[]; year: number; asAdmin: { actor: ReturnType<typeof actorOf>; roles: ReadonlySet<Role> } }): Promise<boolean> {
  const code = o.site.demo.profile.code;
  const history = o.plan.find((p) => p.key === `${code}:annual-report:${o.year}`);
  const received = history ? /新收政府信息公开申请(\d+)件/.exec(history.text.paragraphs.join(''))?.[1] : undefined;
  if (received === undefined) return false;
  const n = Number(received);
  const grid = previousGrid(n);
  const { figures } = await collectYear(ctx.db, { centerId: o.site.demo.center.id, year: o.year });
  await enterAnnualReport(ctx, { centerId: o.site.demo.center.id, year: o.year, source: 'entered', format: '2021', grid, proactive: figures.proactive, ...o.asAdmin });
  return true;
}

function previousGrid(received: number): RequestGrid {
  const grid = emptyRequestGrid('2021');
  for (const row of [ROW.received, 'disclosed', ROW.resultsTotal]) {
    const r = grid[row];
    if (!r) throw new Error(`table 三 has no row ${row}`);
    r.natural_person = received;
    r.total = received;
  }
  return grid;
}

/** Approves each step of the report's review run as the step's first assignee who has not acted on it yet. */
async function approveAllSteps(ctx: AppContext, o: { site: DemoSite; articleId: number }): Promise<void> {
  const staff = new Map<number, User>(Object.values(o.site.staff).flatMap((u) => (u ? [[u.id, u] as const] : [])));
  const acted = new Set<number>();
  for (let step = 0; step < MAX_STEPS; step++) {
    const run = await findActiveRun(ctx.db, o.articleId);
    if (!run) return;
    const task = (await listTasksOfRuns(ctx.db, [run.id])).find((t) => t.status === 'pending');
    if (!task) throw new Error(`demo annual report: review run ${run.id} has no pending task`);
    const reviewer = task.assigneeIds.map((id) => staff.get(id)).find((u) => u && !acted.has(u.id));
    if (!reviewer) throw new Error(`demo annual report: no demo reviewer for step “${task.stepName}”`);
    const comment = STEP_COMMENTS[Math.min(task.stepIndex, STEP_COMMENTS.length - 1)];
    await approveReviewTask(ctx, { userId: reviewer.id, roles: REVIEWER_ROLES, actor: actorOf(reviewer), taskId: task.id, revisionHash: task.revisionHash, comment });
    acted.add(reviewer.id);
  }
  throw new Error(`demo annual report: article ${o.articleId} still in review after ${MAX_STEPS} approvals`);
}
