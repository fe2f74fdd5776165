import { planDemoTrading } from './src/demo/demo-trading-plan.ts';
const plan = planDemoTrading({ seed: 20261122, endDate: '2026-11-22' });
const pick = process.argv[2] ?? '';
const cat = new Map<string, any>();
for (const s of plan.submissions) if (s.submission.project) cat.set(s.projectKey, s.submission.project);
let want = pick;
if (!pick.includes('-')) { const c = pick.split(':'); want = [...cat.entries()].filter(([, p]) => p.category === c[0] && (!c[1] || p.method === c[1]))[Number(c[2] ?? 0)]?.[0] ?? ''; }
for (const s of plan.submissions.filter((x) => x.projectKey === want)) {
  console.log('=====', s.seq, s.at, s.submission.type, s.amendsSeq ?? '', s.submission.title);
  console.log(s.submission.bodyHtml.replace(/<\/(p|h3|tr|ul|li|table)>/g, '\n').replace(/<t[dh]>/g, ' | ').replace(/<[^>]+>/g, ''));
  console.log(JSON.stringify(s.submission.facts));
  if (s.submission.project) console.log(JSON.stringify(s.submission.project));
}
console.log(plan.registrations.filter((r) => r.projectKey === want).map((r) => `${r.at} ${r.kind} ${r.bidderName} ${r.amountFen ?? ''}`).join('\n'));
