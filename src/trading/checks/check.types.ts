import type { WorkingCalendar } from '../../calendar/working-days.ts';
import type { Category, Lot, Method, NoticeFacts, NoticeType, ProjectStatus } from '../trading.model.ts';

export type Severity = 'block' | 'warn';

/** One automatic finding on a notice: which rule, its legal basis, and what to fix, in plain Chinese. */
export type Finding = {
  ruleId: string;
  severity: Severity;
  /** The law and article, e.g. 《中华人民共和国招标投标法》第二十四条; empty for platform consistency rules. */
  citation: string;
  /** What is wrong and how to fix it. */
  message: string;
  /** The input field it concerns (facts.bidDeadline, lotNos …), for the form. */
  field?: string;
};

/** The project as the rules see it: its current state before this notice. */
export type CheckProject = {
  category: Category;
  method: Method;
  isMandatoryTendering: boolean;
  budgetFen: number | null;
  lots: Lot[];
  status: ProjectStatus;
  bidDeadline: string | null; // instant, ISO
  openingAt: string | null; // instant, ISO
};

/** A notice already on the project (published, not withdrawn), with the facts of its published version. */
export type PriorNotice = { id: number; type: NoticeType; publishedAt: string; facts: NoticeFacts };

export type CheckInput = {
  project: CheckProject;
  facts: NoticeFacts;
  title: string;
  bodyText: string;
  /** Published notices of the project, oldest first. */
  prior: PriorNotice[];
  /** When the notice would be published (now), ISO. */
  now: string;
  /** The working-day calendar in force (procurement periods are counted in working days). */
  calendar: WorkingCalendar;
};

export type RuleSeverity = Record<string, Severity | 'off'>;
