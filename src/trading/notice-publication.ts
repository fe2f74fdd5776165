import { formatDate } from '../platform/dates.ts';
import type { Tx } from '../platform/db/client.ts';
import { awardTotalFen, type NoticeFacts, type ProjectStatus } from './trading.model.ts';
import { findNoticeByArticle, findProject, updateNotice, updateProject, type Project } from './trading.repo.ts';

/**
 * Called by the one publishing path when a trading notice's version goes public: the project's key dates
 * and status follow its published notices (a tender notice sets the deadline, an amendment moves it, an
 * award closes the procedure). Corrections re-apply their facts.
 */
export async function applyNoticePublished(tx: Tx, opts: { articleId: number; facts: NoticeFacts; now: Date }): Promise<void> {
  const notice = await findNoticeByArticle(tx, opts.articleId);
  if (!notice) return;
  const project = await findProject(tx, notice.projectId);
  if (!project) return;
  const f = opts.facts;
  const patch: Partial<Project> = {};
  const status = (s: ProjectStatus) => {
    patch.status = s;
  };
  switch (f.type) {
    case 'tender_notice':
    case 'prequalification_notice':
      if (f.docSaleStart) patch.docSaleStart = f.docSaleStart;
      if (f.docSaleEnd) patch.docSaleEnd = f.docSaleEnd;
      if (f.bidDeadline) patch.bidDeadline = new Date(f.bidDeadline);
      if (f.openingAt) patch.openingAt = new Date(f.openingAt);
      if (f.openingPlace) patch.openingPlace = f.openingPlace;
      status('open');
      break;
    case 'amendment_notice':
      if (f.newBidDeadline) patch.bidDeadline = new Date(f.newBidDeadline);
      if (f.newOpeningAt) patch.openingAt = new Date(f.newOpeningAt);
      break;
    case 'candidates_notice':
      status('evaluating');
      break;
    case 'award_notice': {
      const total = awardTotalFen(f);
      patch.awardAmountFen = total;
      patch.awardedOn = formatDate(opts.now);
      status('awarded');
      await updateNotice(tx, notice.id, { amountFen: total });
      break;
    }
    case 'termination_notice':
      status(f.terminationKind === 'failed' ? 'failed' : 'terminated');
      break;
    case 'contract_notice':
      status('contracted');
      if (f.contractAmountFen !== undefined) await updateNotice(tx, notice.id, { amountFen: f.contractAmountFen });
      break;
  }
  if (Object.keys(patch).length > 0) await updateProject(tx, project.id, patch);
}
