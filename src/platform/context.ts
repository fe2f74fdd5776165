import type { PgBoss } from 'pg-boss';
import type { CalendarCache } from '../calendar/calendar.service.ts';
import type { CenterTreeCache } from '../centers/centers.service.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';

/** What operations need from the running system. One per app instance; tests build several. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  boss: PgBoss | undefined;
  centers: CenterTreeCache;
  /** The working-day calendar (calendar table), cached. */
  calendar: CalendarCache;
  /** Directory for stored files (attachments). */
  filesDir: string;
  /** Called after a commit that wrote outbox events, so this process relays them at once. */
  notifyOutbox: () => void;
  onOutbox: (listener: () => void) => void;
  clock: () => Date;
};

/** Builds a context whose notifyOutbox calls every listener added later (page caches, the relay job). */
export function createContext(base: Omit<AppContext, 'notifyOutbox' | 'onOutbox'>): AppContext {
  const listeners: (() => void)[] = [];
  return {
    ...base,
    onOutbox: (fn) => {
      listeners.push(fn);
    },
    notifyOutbox: () => {
      for (const fn of listeners) {
        try {
          fn();
        } catch {
          // a listener's failure must not undo a committed publication
        }
      }
    },
  };
}
