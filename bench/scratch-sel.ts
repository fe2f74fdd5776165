import { createRowGenerator, BULK_KINDS } from './bulk-rows.ts';
import { SEARCH_QUERIES } from './search.ts';
import { tokenize } from '../src/platform/search/tokenizer.ts';
const targets = BULK_KINDS.map((kind, i) => ({ columnId: i, centerId: 1, kind, centerName: '湖南省公共资源交易中心', indexPrefix: 'X', authorId: 1 }));
const rows = createRowGenerator({ seed: 1, nowMs: Date.now(), targets, firstArticleId: 1, firstRevisionId: 1 })(10000);
let toks = 0, chars = 0;
const sets = rows.map((r) => { const s = new Set(r.idx.split(' ')); toks += s.size; chars += r.body.length; return s; });
console.log('avg tokens', toks / rows.length, 'avg body chars', chars / rows.length);
for (const q of SEARCH_QUERIES) { const qt = [...new Set(tokenize(q))]; const n = sets.filter((s) => qt.every((t) => s.has(t))).length; console.log(q, (100 * n / rows.length).toFixed(1) + '%'); }
console.log(rows[0]?.title, rows[0]?.body);
const perKind = new Map<number, [number, number]>();
rows.forEach((r, i) => { const e = perKind.get(r.column_id) ?? [0, 0]; e[0]++; if (sets[i]?.has('招标')) e[1]++; perKind.set(r.column_id, e); });
console.log([...perKind].map(([c, [n, h]]) => `${BULK_KINDS[c]}:${n}:${h}`));
const miss = rows.find((r, i) => r.column_id === 1 && sets[i]?.has('招标')); console.log(miss?.title, miss?.body);
