import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
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

// jsdom computes styles slowly under antd's CSS-in-JS: role queries skip the visibility check.
configure({ defaultHidden: true });

afterEach(() => {
  api.reset();
  propertyMetaTree.length = 0;
});
