export * from './server';
export { default } from './server';
