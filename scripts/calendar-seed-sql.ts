// Prints the SQL that seeds the calendar tables from chinese-days (appended to migration 0008 once).
// Run: node --import tsx scripts/calendar-seed-sql.ts
import { SEED_SOURCE, SEED_YEARS, seedEntries } from '../src/calendar/calendar-seed.ts';

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
const days = seedEntries().map((e) => `(${q(e.day)}, ${e.isWorkingDay}, ${q(e.name)}, ${Number(e.day.slice(0, 4))})`);
const years: string[] = [];
for (let y = SEED_YEARS.first; y <= SEED_YEARS.last; y++) years.push(`(${y}, ${q(SEED_SOURCE)}, 1)`);
console.log('--> statement-breakpoint');
console.log(`INSERT INTO "calendar_day" ("day", "is_working_day", "name", "year") VALUES\n${days.join(',\n')};`);
console.log('--> statement-breakpoint');
console.log(`INSERT INTO "calendar_year" ("year", "source", "version") VALUES\n${years.join(',\n')};`);
