import { customType } from 'drizzle-orm/pg-core';

/** A PostgreSQL tsvector column; we write it with to_tsvector('simple', …) from tokens built in TS. */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'tsvector';
  },
});
