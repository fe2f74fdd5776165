import { listPendingTasksFor } from '../review/review.repo.ts';
import { createArticle } from '../content/operations/save-article.ts';
import type { AppContext } from '../platform/context.ts';
import { approveReviewTask } from '../review/operations/decide-review-task.ts';
import { submitForReview } from '../review/operations/submit-for-review.ts';
import type { Role } from '../accounts/accounts.policy.ts';
import { actorOf, authorOf, EDITOR_ROLES, rawInput, siteOf, type DemoSite } from './demo-articles.ts';
import type { PlannedArticle } from './demo-plan.ts';
import { staffMember } from './demo-users.ts';

const REVIEWER_ROLES: ReadonlySet<Role> = new Set<Role>(['reviewer']);

/**
 * The items still in the back office (drafts, items waiting for review) go through the same operations a
 * user's clicks would: createArticle, submitForReview and, for one of them, the first approval.
 */
export async function writeWorkInProgress(ctx: AppContext, opts: { plan: PlannedArticle[]; sites: Map<string, DemoSite> }): Promise<number> {
  let count = 0;
  for (const plan of opts.plan) {
    if (plan.state === 'published') continue;
    const site = siteOf(opts.sites, plan);
    const author = authorOf(site, plan);
    const editor = { user: { id: author.id, departmentId: author.departmentId }, roles: EDITOR_ROLES, actor: actorOf(author) };
    const article = await createArticle(ctx, { ...editor, centerId: site.demo.center.id, columnId: site.columns[plan.column].id, raw: rawInput(plan, {}) });
    count++;
    if (plan.state === 'draft') continue;
    await submitForReview(ctx, { ...editor, articleId: article.id, lockVersion: article.lockVersion });
    if (plan.state !== 'in_review_second_step') continue;
    await approveFirstStep(ctx, { site, articleId: article.id });
  }
  return count;
}

async function approveFirstStep(ctx: AppContext, opts: { site: DemoSite; articleId: number }): Promise<void> {
  const head = staffMember(opts.site.staff, 'headInfo');
  const tasks = await listPendingTasksFor(ctx.db, opts.site.demo.center.id, head.id);
  const task = tasks.find((t) => t.articleId === opts.articleId);
  if (!task) throw new Error(`no first-step task for demo article ${opts.articleId}`);
  await approveReviewTask(ctx, { userId: head.id, roles: REVIEWER_ROLES, actor: actorOf(head), taskId: task.id, revisionHash: task.revisionHash, comment: '内容属实，同意报送综合部核稿。' });
}
