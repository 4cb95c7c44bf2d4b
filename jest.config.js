/** @type {import('jest').Config} */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        target: 'es2021',
        transform: { react: { runtime: 'classic' } },
      },
    },
  ],
};

const shared = {
  testEnvironment: 'node',
  transform,
  setupFiles: ['<rootDir>/jest.setup.js'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/storage/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/storage/'],
};

const doubles = '<rootDir>/src/client-v2/__tests__/doubles';

module.exports = {
  testTimeout: 180000,
  // Each server test file boots its own NocoBase app; two at a time is what two cores take.
  maxWorkers: 2,
  projects: [
    // Unit tests and server integration tests (a real NocoBase Application per file).
    {
      ...shared,
      displayName: 'server',
      testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '<rootDir>/src/client-v2/'],
    },
    // The client in jsdom. The modules the NocoBase page provides cannot be installed here: they are
    // replaced by the test doubles in src/client-v2/__tests__/doubles (see their header comment).
    {
      ...shared,
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/client-v2/**/__tests__/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: [`${doubles}/setup.ts`],
      moduleNameMapper: {
        '^@nocobase/plugin-workflow/client-v2$': `${doubles}/pluginWorkflowClientV2.tsx`,
        '^@nocobase/client-v2$': `${doubles}/clientV2.tsx`,
        '^@nocobase/flow-engine$': `${doubles}/flowEngine.tsx`,
      },
    },
    // Whole-app tests: `npm start`'s app, the packed plugin, the browser. Run one at a time.
    { ...shared, displayName: 'app', testMatch: ['<rootDir>/e2e/*.test.ts'] },
    // Several app processes on one PostgreSQL database (`npm run test:cluster` provides the server).
    { ...shared, displayName: 'cluster', testMatch: ['<rootDir>/e2e/cluster/*.test.ts'] },
  ],
};
