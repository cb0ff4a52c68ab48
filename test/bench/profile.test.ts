/** Summing a V8 CPU profile by function: self time is the sum of the sample intervals at that node. */
import { describe, expect, it } from 'vitest';
import { summarize } from './profile';

describe('summarize', () => {
  it('adds each sample interval to the function it landed in and ranks them', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
        { id: 2, callFrame: { functionName: 'parseLine', url: 'file:///repo/dist/cli/headroom.js', lineNumber: 1347 } },
        { id: 3, callFrame: { functionName: 'parse', url: '', lineNumber: -1 } },
      ],
      samples: [2, 3, 2, 2, 1],
      timeDeltas: [1000, 3000, 500, 500, 1000],
    };
    const summary = summarize(profile, 10);
    expect(summary.totalMs).toBe(6);
    expect(summary.functions).toEqual([
      { name: 'parse', ms: 3, share: 0.5 },
      { name: 'parseLine dist/cli/headroom.js:1348', ms: 2, share: 2 / 6 },
      { name: '(root)', ms: 1, share: 1 / 6 },
    ]);
    expect(summary.files[0]).toEqual({ name: '(native)', ms: 4, share: 4 / 6 });
  });
});
