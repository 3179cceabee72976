// `npm test`: unit, integration (real PostgreSQL) and end-to-end (Chromium) suites in turn, then one
// closing line "N passed, N failed" summing the three. Exits non-zero if any suite fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

type Counts = { passed: number; failed: number; skipped: number };
const resultsDir = path.resolve('test-results');
fs.mkdirSync(resultsDir, { recursive: true });

function vitestCounts(file: string): Counts {
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  // Unhandled errors make `success` false even when every test passed.
  const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (r.success === false && r.numFailedTests === 0 ? 1 : 0);
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats;
  return { passed: s.expected, failed: s.unexpected + s.flaky, skipped: s.skipped };
}

function run(name: string, command: string, args: string[], env: Record<string, string>, read: () => Counts): Counts & { ok: boolean } {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  let counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    counts = read();
  } catch {
    counts.failed = Math.max(counts.failed, 1);
  }
  // A suite that exits non-zero with no failed test (its server did not start, say) still counts as a failure.
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  return { ...counts, ok: result.status === 0 && counts.failed === 0 };
}

const vitest = path.resolve('node_modules/vitest/vitest.mjs');
const suites = [
  (() => {
    const out = path.join(resultsDir, 'unit.json');
    return run('Unit', process.execPath, [vitest, 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {}, () => vitestCounts(out));
  })(),
  (() => {
    const out = path.join(resultsDir, 'integration.json');
    return run('Integration', process.execPath, [vitest, 'run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {}, () => vitestCounts(out));
  })(),
  (() => {
    const out = path.join(resultsDir, 'e2e.json');
    return run('End-to-end', process.execPath, [path.resolve('node_modules/@playwright/test/cli.js'), 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out }, () => playwrightCounts(out));
  })(),
];

const total = suites.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
const ok = suites.every((s) => s.ok);
console.log(`\nUnit ${suites[0].passed}, integration ${suites[1].passed}, end-to-end ${suites[2].passed} passed.`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
