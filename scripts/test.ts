// `npm test`: the unit suite, then the integration (real PostgreSQL) and end-to-end (Chromium) suites side by side
// (each on its own PostgreSQL cluster and ports; most of their time is spent waiting on the database, the server and
// the browser, so together they take little more than the longer one), then one closing line "N passed, N failed"
// summing the three. The two side-by-side suites write to test-results/<suite>.log, printed whole when each ends.
// Exits non-zero if any suite fails.
import { spawn, spawnSync } from 'node:child_process';
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

/** A suite run in the background, its output to a log printed whole when it ends. */
function runLogged(name: string, command: string, args: string[], env: Record<string, string>, read: () => Counts): Promise<Counts & { ok: boolean }> {
  const logFile = path.join(resultsDir, `${name.toLowerCase().replace(/\W+/g, '-')}.log`);
  const out = fs.openSync(logFile, 'w');
  const started = Date.now();
  console.log(`\n=== ${name}: started, output in ${path.relative(process.cwd(), logFile)} ===`);
  const child = spawn(command, args, { stdio: ['ignore', out, out], env: { ...process.env, ...env, FORCE_COLOR: '0' } });
  return new Promise((resolve) => {
    child.on('exit', (status) => {
      fs.closeSync(out);
      console.log(`\n=== ${name} (${Math.round((Date.now() - started) / 1000)} s) ===`);
      process.stdout.write(fs.readFileSync(logFile, 'utf8'));
      let counts: Counts = { passed: 0, failed: 0, skipped: 0 };
      try {
        counts = read();
      } catch {
        counts.failed = Math.max(counts.failed, 1);
      }
      if (status !== 0 && counts.failed === 0) counts.failed = 1;
      resolve({ ...counts, ok: status === 0 && counts.failed === 0 });
    });
  });
}

const vitest = path.resolve('node_modules/vitest/vitest.mjs');
const unitOut = path.join(resultsDir, 'unit.json');
const unit = run('Unit', process.execPath, [vitest, 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${unitOut}`], {}, () => vitestCounts(unitOut));
const integrationOut = path.join(resultsDir, 'integration.json');
const e2eOut = path.join(resultsDir, 'e2e.json');
const [integration, e2e] = await Promise.all([
  runLogged('Integration', process.execPath, [vitest, 'run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${integrationOut}`], {}, () => vitestCounts(integrationOut)),
  runLogged('End-to-end', process.execPath, [path.resolve('node_modules/@playwright/test/cli.js'), 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eOut }, () => playwrightCounts(e2eOut)),
]);
const suites = [unit, integration, e2e];

const total = suites.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
const ok = suites.every((s) => s.ok);
console.log(`\nUnit ${suites[0].passed}, integration ${suites[1].passed}, end-to-end ${suites[2].passed} passed.`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
