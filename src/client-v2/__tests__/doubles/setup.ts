import '@testing-library/jest-dom';
import { api, propertyMetaTree } from './flowEngine';

// jsdom has no layout: antd's responsive parts ask `matchMedia`, which it lacks.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

afterEach(() => {
  api.reset();
  propertyMetaTree.length = 0;
});
