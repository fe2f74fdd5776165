import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { registerCalendarAdmin } from './calendar.admin.tsx';
import { registerCalendarApi } from './calendar.api.ts';

/** The calendar's public API and its back-office page (one registration line in app.ts). */
export function registerCalendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerCalendarApi(app, ctx);
  registerCalendarAdmin(app, ctx);
}
