import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerAnnualEditPages } from './annual-edit.admin.tsx';
import { registerAnnualEntryPage } from './annual-entry.admin.tsx';
import { registerAnnualListPage } from './annual-list.admin.tsx';
import { registerAnnualReportPage } from './annual-report.admin.tsx';
import { registerAnnualReportApi } from './annual.api.ts';

/** 政府信息公开工作年度报告: the public API and the back-office pages under /admin/c/:cid/annual-reports. */
export function registerAnnualReports(app: FastifyInstance, ctx: AppContext): void {
  registerAnnualReportApi(app, ctx);
  registerAnnualListPage(app, ctx);
  registerAnnualEntryPage(app, ctx);
  registerAnnualEditPages(app, ctx);
  registerAnnualReportPage(app, ctx);
}
