import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  isProduction: boolean;
  logLevel: string;
  cookieSecret: string;
  sessionHours: number;
  renderCache: boolean;
  demoData: boolean;
  /** Size of the demo trading year (1 ≈ 3,300 notices); tests use less. */
  demoTradingScale: number;
  /** Public submissions (applications, messages) one address may make in 10 minutes. */
  intakeRateLimit: number;
};

/** Parses the environment once, at boot. Invalid values stop the start with a readable list. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const isProduction = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be 0–65535, got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres://');
  const cookieSecret = env.COOKIE_SECRET ?? (isProduction ? '' : 'gongkai-development-cookie-secret-not-for-production');
  if (cookieSecret.length < 32) problems.push('COOKIE_SECRET must be at least 32 characters in production');
  const sessionHours = Number(env.SESSION_HOURS ?? 8);
  if (!(sessionHours > 0 && sessionHours <= 72)) problems.push('SESSION_HOURS must be between 0 and 72');
  const demoTradingScale = Number(env.DEMO_TRADING_SCALE ?? 1);
  if (!(demoTradingScale >= 0 && demoTradingScale <= 3)) problems.push('DEMO_TRADING_SCALE must be between 0 and 3');
  const intakeRateLimit = Number(env.INTAKE_RATE_LIMIT ?? 20);
  if (!Number.isInteger(intakeRateLimit) || intakeRateLimit < 1 || intakeRateLimit > 1_000_000) problems.push('INTAKE_RATE_LIMIT must be a whole number from 1 to 1000000');
  if (isProduction && env.DEMO_DATA === '1') problems.push('DEMO_DATA cannot be used with NODE_ENV=production');
  if (problems.length > 0) throw new Error(`Invalid configuration:\n - ${problems.join('\n - ')}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl,
    isProduction,
    logLevel: env.LOG_LEVEL ?? (isProduction ? 'info' : 'warn'),
    cookieSecret,
    sessionHours,
    renderCache: env.RENDER_CACHE !== '0',
    demoData: !isProduction && env.DEMO_DATA !== '0',
    demoTradingScale,
    intakeRateLimit,
  };
}
