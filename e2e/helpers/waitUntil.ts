// playwright-core has no auto-retrying assertions: the browser tests poll like the server tests.
export { waitUntil } from '../../src/server/__tests__/helpers/waitUntil';
