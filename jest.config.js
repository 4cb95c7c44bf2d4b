/** @type {import('jest').Config} */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021', transform: { react: { runtime: 'classic' } } } },
  ],
};

module.exports = {
  testEnvironment: 'node',
  transform,
  setupFiles: ['<rootDir>/jest.setup.js'],
  testTimeout: 120000,
  // Each server test file boots its own NocoBase app; two at a time is what two cores take.
  maxWorkers: 2,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/storage/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/storage/'],
};
