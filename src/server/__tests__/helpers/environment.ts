/**
 * Sets environment variables for a test file's app, read when it loads: call it before
 * `useTestApp` so that they are set before the app starts. Everything is put back afterwards.
 */
export function useEnvironment(values: Record<string, string>) {
  const previous = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, values);
  });
  afterAll(() => {
    process.env = previous;
  });
}
