/**
 * Stands in for the end-to-end suite on a machine without Chromium, so `npm test` still runs there and
 * says plainly that the browser tests were skipped and how to run them (CI installs Chromium first).
 */
import { it } from 'vitest';

const chromium = process.env['HEADROOM_CHROMIUM'] ?? '/usr/bin/chromium';

it.skip(`end-to-end tests in Chromium — ${chromium} is not installed (apt-get install -y chromium, or bash .ci/run)`, () => {});
