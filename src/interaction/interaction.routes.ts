import type { FastifyInstance } from 'fastify';
import type { PortalDeps } from '../portal/portal.deps.ts';
import { registerErrorReports } from './error-reports.portal.tsx';
import { registerMessageSettings } from './message-settings.admin.tsx';
import { registerMessagesAdmin } from './messages.admin.tsx';
import { registerMessagesApi } from './messages.api.ts';
import { registerMessagesPortal } from './messages.portal.tsx';
import { registerSurveysAdmin } from './surveys.admin.tsx';
import { registerSurveysPortal } from './surveys.portal.tsx';

/** 互动交流: every route of the feature (portal, JSON API, back office), registered from app.ts in one line. */
export function registerInteraction(app: FastifyInstance, deps: PortalDeps): void {
  registerErrorReports(app, deps);
  registerMessagesPortal(app, deps);
  registerSurveysPortal(app, deps);
  registerMessagesApi(app, deps.ctx);
  registerMessagesAdmin(app, deps.ctx);
  registerMessageSettings(app, deps.ctx);
  registerSurveysAdmin(app, deps.ctx);
}
