import type { FastifyInstance } from 'fastify';

/**
 * The security headers, precomputed once and set in one hook: @fastify/helmet computes them per
 * request and halves the throughput of a cached page (stack-notes.md).
 */
export function registerSecurityHeaders(app: FastifyInstance, opts: { isProduction: boolean }): void {
  const entries = securityHeaders(opts);
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [k, v] of entries) reply.header(k, v);
    done();
  });
}

/** The security headers as [name, value] pairs, computed once. */
export function securityHeaders(opts: { isProduction: boolean }): [string, string][] {
  const headers: Record<string, string> = {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: https:",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      ...(opts.isProduction ? ['upgrade-insecure-requests'] : []),
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'x-permitted-cross-domain-policies': 'none',
    ...(opts.isProduction ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  return Object.entries(headers);
}
