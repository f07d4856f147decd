/**
 * npm run fuzz [-- RUNS [SEED]]: the long fuzz mode. Every reader of src/fuzz/targets.ts gets
 * RUNS cases (default a million) through the checks of src/fuzz/harness.ts, and each case must
 * finish within MAX_MS. Prints one row per reader; exits 1 when any check failed.
 */
import { runFuzz } from '../src/fuzz/harness';
import { FUZZ_TARGETS } from '../src/fuzz/targets';

const MAX_MS = 2000;
const runs = Number(process.argv[2] ?? 1_000_000);
const seed = process.argv[3] === undefined ? Date.now() % 2 ** 31 : Number(process.argv[3]);
console.log(`fuzz: ${runs.toLocaleString('en')} cases per reader, seed ${seed}`);
let failed = false;
const rows: string[][] = [];
for (const target of FUZZ_TARGETS) {
  const t0 = Date.now();
  const r = await runFuzz(target, runs, seed);
  const slow = r.maxMs > MAX_MS ? [`a case took ${r.maxMs.toFixed(0)} ms (limit ${MAX_MS})`] : [];
  const failures = [...r.failures, ...slow];
  failed ||= failures.length > 0;
  rows.push([
    r.name,
    r.cases.toLocaleString('en'),
    r.rejected.toLocaleString('en'),
    String(failures.length),
    r.maxMs.toFixed(1),
    r.maxOutputBytes.toLocaleString('en'),
    ((Date.now() - t0) / 1000).toFixed(0),
  ]);
  for (const f of failures) console.log(`  ${r.name}: ${f}`);
  console.log(rows[rows.length - 1].join('  '));
}
const head = ['reader', 'cases', 'rejected', 'escapes+failures', 'max ms', 'max verdict B', 's'];
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((x, i) => x.padStart(w[i])).join('  ');
console.log(['', line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n'));
process.exit(failed ? 1 : 0);
