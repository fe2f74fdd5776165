import type { Executor } from '../platform/db/client.ts';
import { listCenters, type Center } from './centers.repo.ts';

/**
 * The center tree is small (a province has ~150 centers) and read on every page, so it is cached in
 * memory and reloaded when a center changes (and by the outbox relay in other processes).
 */
export type CenterTree = {
  all: Center[];
  byId: Map<number, Center>;
  byCode: Map<string, Center>;
  root: Center;
  childrenOf: (id: number) => Center[];
  /** The center and all of its descendants. */
  subtreeIds: (id: number) => number[];
  /** Root first, ending at the center. */
  pathTo: (id: number) => Center[];
};

export async function loadCenterTree(ex: Executor): Promise<CenterTree> {
  const all = await listCenters(ex);
  const root = all.find((c) => c.parentId === null);
  if (!root) throw new Error('no root center: run the setup or the demo data');
  const byId = new Map(all.map((c) => [c.id, c]));
  const byCode = new Map(all.map((c) => [c.code, c]));
  const children = new Map<number, Center[]>();
  for (const c of all) {
    if (c.parentId === null) continue;
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  const childrenOf = (id: number) => children.get(id) ?? [];
  const subtreeIds = (id: number): number[] => [id, ...childrenOf(id).flatMap((c) => subtreeIds(c.id))];
  const pathTo = (id: number): Center[] => {
    const c = byId.get(id);
    if (!c) return [];
    return c.parentId === null ? [c] : [...pathTo(c.parentId), c];
  };
  return { all, byId, byCode, root, childrenOf, subtreeIds, pathTo };
}

export type CenterTreeCache = { get: () => Promise<CenterTree>; invalidate: () => void };

/** One cache per app instance (tests run several apps in one process). */
export function createCenterTreeCache(ex: Executor): CenterTreeCache {
  let pending: Promise<CenterTree> | undefined;
  return {
    get: () => (pending ??= loadCenterTree(ex).catch((err: unknown) => {
      pending = undefined;
      throw err;
    })),
    invalidate: () => {
      pending = undefined;
    },
  };
}
