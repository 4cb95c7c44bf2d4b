/** @type {import('jest').Config} */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021', transform: { react: { runtime: 'classic' } } } },
  ],
};

const shared = {
  testEnvironment: 'node',
  transform,
  setupFiles: ['<rootDir>/jest.setup.js'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/storage/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/storage/'],
};

module.exports = {
  testTimeout: 180000,
  // Each server test file boots its own NocoBase app; two at a time is what two cores take.
  maxWorkers: 2,
  projects: [
    // Unit tests and server integration tests (a real NocoBase Application per file).
    { ...shared, displayName: 'server', testMatch: ['<rootDir>/src/**/__tests__/**/*.test.{ts,tsx}'] },
    // Whole-app tests: `npm start`'s app, the packed plugin, the browser. Run one at a time.
    { ...shared, displayName: 'app', testMatch: ['<rootDir>/e2e/*.test.ts'] },
    // Several app processes on one PostgreSQL database (`npm run test:cluster` provides the server).
    { ...shared, displayName: 'cluster', testMatch: ['<rootDir>/e2e/cluster/*.test.ts'] },
  ],
};
