/**
 * One jest run covers unit specs (`*.spec.ts`, no services), integration specs
 * (`*.int-spec.ts`, a database) and HTTP specs (`*.e2e-spec.ts`, the real app). Which database
 * the latter two use is decided by test/support/test-database.ts; without TEST_DATABASE_URL the
 * global setup starts the embedded cluster they share.
 */
const swcrc = require('./.swcrc.json');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '\\.(spec|int-spec|e2e-spec)\\.ts$',
  // mjs: pdf.js's worker, which test/support/pdf-text.ts loads to read PDFs back (see there).
  moduleFileExtensions: ['ts', 'js', 'json', 'mjs'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }],
    // content-disposition (under @fastify/static, which serves Swagger UI) ships ES modules only,
    // which jest on Node 20 cannot require; it is compiled to CommonJS like our own code.
    '^.+/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { ...swcrc, swcrc: false, module: { type: 'commonjs' } }],
    // So is pdf.js's worker (an ES module), which pdf-parse otherwise imports dynamically.
    '^.+/node_modules/pdf-parse/dist/pdf-parse/cjs/pdf\\.worker\\.mjs$': ['@swc/jest', { ...swcrc, swcrc: false, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/|pdf-parse/dist/pdf-parse/cjs/pdf\\.worker\\.mjs$)'],
  moduleNameMapper: {
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
