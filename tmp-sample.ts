import { planDemoTrading } from './src/demo/demo-trading-plan.ts';
const plan = planDemoTrading({ seed: 7, endDate: '2026-11-22' });
const want = process.argv[2] ?? 'sy-0042';
for (const s of plan.submissions.filter((x) => x.projectKey === want)) {
  console.log('=====', s.seq, s.at, s.submission.type, s.amendsSeq ?? '', s.submission.title);
  console.log(s.submission.bodyHtml.replace(/<\/(p|h3|tr|ul|li|table)>/g, '\n').replace(/<t[dh]>/g, ' | ').replace(/<[^>]+>/g, ''));
  const { ...f } = s.submission.facts; console.log(JSON.stringify(f));
  if (s.submission.project) console.log(JSON.stringify(s.submission.project));
}
console.log(plan.registrations.filter((r) => r.projectKey === want).map((r) => `${r.at} ${r.kind} ${r.bidderName} ${r.amountFen ?? ''}`).join('\n'));
