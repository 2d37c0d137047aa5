/**
 * `npm run test:browser`: the portal in Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH),
 * driven by playwright-core. Not part of `npm test`, which needs no browser. The database is
 * chosen as for `npm test` (TEST_DATABASE_URL, else the embedded cluster of the global setup).
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testRegex: '\\.browser-spec\\.ts$',
  testTimeout: 120000,
  maxWorkers: 1,
};
