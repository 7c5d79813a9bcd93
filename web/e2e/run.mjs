// Runs the browser tests with Vitest and writes the summary test.sh adds to its totals:
// a JSON file {passed, failed, skipped} at $NOTIFY_E2E_SUMMARY (default test-results/e2e.json) and a last line
// "E2E: N passed, N failed, N skipped". Extra arguments go to Vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const results = path.resolve('test-results');
mkdirSync(results, { recursive: true });
const report = path.join(results, 'e2e-vitest.json');
const summaryFile = process.env.NOTIFY_E2E_SUMMARY ?? path.join(results, 'e2e.json');

const started = Date.now();
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--config', 'e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let summary = { passed: 0, failed: 1, skipped: 0 };
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  summary = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + (json.numTodoTests ?? 0) };
  if (vitest.status !== 0 && summary.failed === 0) summary.failed = 1; // a failed hook or setup, outside any test
} catch {
  // No report: the run broke before any test; count it as one failure.
}
summary.seconds = Math.round((Date.now() - started) / 100) / 10;
writeFileSync(summaryFile, JSON.stringify(summary, null, 2));
console.log(`E2E: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
process.exit(summary.failed > 0 || summary.passed === 0 ? 1 : 0);
