import http from 'node:http';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerStaffGuard } from './accounts/staff-session.ts';
import { registerAuthPages } from './accounts/auth.admin.tsx';
import { registerUserPages } from './accounts/users.admin.tsx';
import { registerSiteSettings } from './centers/site.admin.tsx';
import { registerDashboard } from './admin/dashboard.admin.tsx';
import { registerAuditPages } from './audit/audit.admin.tsx';
import { registerTradingStatsAdmin } from './reports/trading-stats.admin.tsx';
import { registerCalendarRoutes } from './calendar/calendar.routes.ts';
import { registerArticleAdmin } from './content/articles.admin.tsx';
import { registerColumnAdmin } from './content/columns.admin.tsx';
import { registerPublicApi } from './content/articles.api.ts';
import { registerAgentApi } from './trading/agent.api.ts';
import { registerDocumentsPortal } from './trading/documents.portal.tsx';
import { registerAgentAdmin } from './trading/agent.admin.tsx';
import { registerInspectionAdmin } from './trading/inspection.admin.tsx';
import { registerProjectAdmin } from './trading/projects.admin.tsx';
import { registerTradingSettings } from './trading/trading-settings.admin.tsx';
import type { AppContext } from './platform/context.ts';
import { registerErrorHandler } from './platform/http/error-handler.tsx';
import { createPageCache, type PageCache } from './platform/http/page-cache.ts';
import { registerSecurityHeaders, securityHeaders } from './platform/http/security-headers.ts';
import { registerArticlePage } from './portal/article.portal.tsx';
import { registerColumnPage } from './portal/column.portal.tsx';
import { registerDisclosurePages } from './portal/disclosure.portal.tsx';
import { registerFeeds } from './portal/feeds.portal.ts';
import { registerFilesAndPrefs } from './portal/files.portal.ts';
import { registerHomePage } from './portal/home.portal.tsx';
import { createPageViewCounter, type PageViewCounter } from './portal/page-views.ts';
import { registerSearchPage } from './portal/search.portal.tsx';
import { registerTradingPortal } from './trading/trading.portal.tsx';
import { registerTradingApi } from './trading/trading.api.ts';
import { registerTradingStatsPages } from './reports/trading-stats.portal.tsx';
import { createCacheFastPath } from './portal/portal.http.ts';
import { registerColumnHealth } from './reports/column-health.admin.tsx';
import { registerAnnualReports } from './reports/annual/annual.routes.ts';
import { registerPublishingStatsAdmin } from './reports/publishing-stats.admin.tsx';
import { registerWebsiteReportAdmin } from './reports/website-report.admin.tsx';
import { registerDisclosureTasksAdmin } from './reports/tasks/disclosure-tasks.admin.tsx';
import { registerDisclosureAdmin } from './disclosure/disclosure.admin.tsx';
import { registerDisclosureApi } from './disclosure/disclosure.api.ts';
import { registerDisclosurePortal } from './disclosure/apply.portal.tsx';
import { registerInteraction } from './interaction/interaction.routes.ts';
import { registerTransparency } from './publishing/transparency.portal.tsx';
import { registerReviewAdmin } from './review/review.admin.tsx';
import { registerReviewSettings } from './review/review-settings.admin.tsx';
import { MAX_ATTACHMENT_BYTES } from './content/operations/upload-attachment.ts';
import { maxOutboxId } from './publishing/outbox.repo.ts';

export type RouteInfo = { method: string; url: string; access: string };
export type App = { app: FastifyInstance; cache: PageCache; views: PageViewCounter; routes: RouteInfo[]; close: () => Promise<void> };

const publicDir = fileURLToPath(new URL('../public', import.meta.url));

/** Builds the HTTP application over a running context. Routes are thin; features own their operations. */
export async function buildApp(ctx: AppContext): Promise<App> {
  const cache = createPageCache({ isEnabled: ctx.config.renderCache, maxEntries: 5000, ttlMs: 5 * 60_000 });
  const views = createPageViewCounter(ctx.db, { intervalMs: 5000, clock: ctx.clock });
  const fastPath = createCacheFastPath({ cache, views, securityHeaders: securityHeaders({ isProduction: ctx.config.isProduction }) });
  const app = Fastify({
    serverFactory: (handler) =>
      http.createServer((req, res) => {
        if (!fastPath(req, res)) handler(req, res);
      }),
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel },
    bodyLimit: 12 * 1024 * 1024,
    trustProxy: ctx.config.isProduction ? 'loopback' : false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of Array.isArray(r.method) ? r.method : [r.method]) routes.push({ method, url: r.url, access: r.config?.access ? JSON.stringify(r.config.access) : 'none' });
  });

  registerSecurityHeaders(app, { isProduction: ctx.config.isProduction });
  await app.register(fastifyCookie, { secret: ctx.config.cookieSecret });
  await app.register(fastifyCsrf, {
    // Multipart bodies are streamed, not parsed before the check: those forms carry the token in the query.
    getToken: (req) => {
      const body = req.body as { _csrf?: unknown } | undefined;
      const header = req.headers['x-csrf-token'];
      const query = (req.query as { _csrf?: unknown } | undefined)?._csrf;
      const candidate = typeof body?._csrf === 'string' ? body._csrf : typeof header === 'string' ? header : query;
      return typeof candidate === 'string' ? candidate : '';
    },
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: ctx.config.isProduction } });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 20, parts: 25 } });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Gongkai 公开平台 API', version: '1.0.0', description: '公共资源交易中心信息公开平台的公开接口。错误格式：{ error: { code, message, fields?, requestId } }。' },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: '代理机构接口密钥（gkak_…），在代理机构后台“接口密钥”中签发' } } },
    },
  });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/static/', maxAge: 3600_000, index: false });
  registerErrorHandler(app);

  // CSRF on every state-changing form request; public JSON APIs carry no cookies and are exempt.
  app.addHook('preValidation', (req, reply, done) => {
    const isSafe = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
    const isPublicApi = req.url.startsWith('/api/') && !req.url.startsWith('/api/v1/admin');
    if (isSafe || isPublicApi) return done();
    app.csrfProtection(req, reply, done);
  });
  registerStaffGuard(app, ctx);

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    await ctx.db.execute('select 1');
    return reply.header('cache-control', 'no-store').send({ status: 'ok', database: ctx.database.kind });
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  ctx.onOutbox(() => {
    cache.clear();
    ctx.centers.invalidate();
    ctx.calendar.invalidate();
  });
  const deps = { ctx, cache, views };
  registerHomePage(app, deps);
  registerColumnPage(app, deps);
  registerArticlePage(app, deps);
  registerSearchPage(app, deps);
  registerTradingPortal(app, deps);
  registerTradingStatsPages(app, deps);
  registerDisclosurePages(app, deps);
  registerFeeds(app, deps);
  registerFilesAndPrefs(app, deps);
  registerTransparency(app, deps);
  registerInteraction(app, deps);
  registerDocumentsPortal(app, deps);
  registerDisclosurePortal(app, deps);
  registerPublicApi(app, ctx);
  registerTradingApi(app, ctx);
  registerAgentApi(app, ctx);
  registerDisclosureApi(app, ctx);

  registerAuthPages(app, ctx);
  registerDashboard(app, ctx);
  registerArticleAdmin(app, ctx);
  registerReviewAdmin(app, ctx);
  registerReviewSettings(app, ctx);
  registerSiteSettings(app, ctx);
  registerColumnAdmin(app, ctx, cache);
  registerUserPages(app, ctx);
  registerAuditPages(app, ctx);
  registerAgentAdmin(app, ctx);
  registerInspectionAdmin(app, ctx);
  registerProjectAdmin(app, ctx);
  registerTradingSettings(app, ctx);
  registerTradingStatsAdmin(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerDisclosureAdmin(app, ctx);
  registerColumnHealth(app, ctx);
  registerAnnualReports(app, ctx);
  registerPublishingStatsAdmin(app, ctx);
  registerWebsiteReportAdmin(app, ctx);
  registerDisclosureTasksAdmin(app, ctx);

  // Other processes publish too: a cheap watermark poll clears this process's caches when the outbox moves.
  let watermark = await maxOutboxId(ctx.db);
  const poll = setInterval(() => {
    maxOutboxId(ctx.db)
      .then((id) => {
        if (id !== watermark) {
          watermark = id;
          cache.clear();
          ctx.centers.invalidate();
          ctx.calendar.invalidate();
        }
      })
      .catch(() => {
        /* the next poll tries again */
      });
  }, 2000);
  poll.unref();

  return {
    app,
    cache,
    views,
    routes,
    close: async () => {
      clearInterval(poll);
      await app.close();
      await views.stop();
    },
  };
}
