/**
 * Ends the test output with one machine-readable line, `Tests: N passed, N failed`, which CI reads.
 * Skipped tests are listed above it with their reason so a skip is never silent.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    const skipped: string[] = [];
    for (const testModule of testModules) {
      if (testModule.state() === 'failed' && [...testModule.children.allTests()].length === 0) failed += 1;
      for (const test of testModule.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed += 1;
        else if (result.state === 'failed') failed += 1;
        else if (result.state === 'skipped') skipped.push(`${test.fullName}${result.note ? ` — ${result.note}` : ''}`);
      }
    }
    const lines = skipped.map((name) => `skipped: ${name}`);
    lines.push(`Tests: ${passed} passed, ${failed} failed`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
