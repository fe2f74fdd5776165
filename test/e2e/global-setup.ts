import type { TestProject } from 'vitest/node';
import { seedDataDir, type Seed } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eSeed: Seed;
  }
}

/** Seeds the demo data once per run; each test file starts its server on a copy (about 20 s saved per file). */
export default async function setup(project: TestProject) {
  const seed = await seedDataDir();
  project.provide('e2eSeed', { dataDir: seed.dataDir, password: seed.password, totp: seed.totp, accounts: seed.accounts });
  return async () => seed.remove();
}
