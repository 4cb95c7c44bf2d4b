const path = require('path');

// NocoBase resolves plugin packages and writes logs relative to these.
process.env.NODE_MODULES_PATH = process.env.NODE_MODULES_PATH || path.join(__dirname, 'node_modules');
process.env.LOGGER_LEVEL = process.env.LOGGER_LEVEL || 'error';
// Logs go to files under storage/test-logs, so that test output shows test results only.
process.env.LOGGER_TRANSPORT = process.env.LOGGER_TRANSPORT || 'file';
process.env.LOGGER_BASE_PATH = process.env.LOGGER_BASE_PATH || path.join(__dirname, 'storage', 'test-logs');
process.env.APP_ENV = process.env.APP_ENV || 'test';
process.env.APP_KEY = process.env.APP_KEY || 'test-key-for-webhook-plugin';

// NocoBase's SES lockdown warns on every import under Node 20 that it replaces three
// ArrayBuffer methods; the warning says nothing about the code under test.
const warn = console.warn.bind(console);
console.warn = (...args) => {
  if (typeof args[0] === 'string' && args[0].startsWith('About to overwrite ArrayBuffer.prototype')) return;
  warn(...args);
};
