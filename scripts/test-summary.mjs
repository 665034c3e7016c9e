// Prints one closing line for CI from the JSON reports of Vitest and Playwright:
// "tests: N passed, N failed, N skipped".
import fs from 'node:fs';

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
let flaky = 0;
const unit = read('.reports/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
const e2e = read('.reports/e2e.json');
if (e2e?.stats) {
  passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected ?? 0;
  skipped += e2e.stats.skipped ?? 0;
  flaky = e2e.stats.flaky ?? 0;
}
if (!unit && !e2e) {
  console.log('tests: no test report found (the run stopped before the tests)');
  process.exit(1);
}
if (flaky > 0) console.log(`tests: ${flaky} end-to-end test(s) passed only on retry (flaky): see the list above`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
