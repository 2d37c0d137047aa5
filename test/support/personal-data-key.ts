/** The deployment key of test runs: known to everyone who reads this file, like the development JWT secret. */
export const TEST_PERSONAL_DATA_KEY = Buffer.alloc(32, 'kinerja-ledger-test-personal-key').toString('base64');
