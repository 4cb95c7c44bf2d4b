import { BrowserSession, openBrowser } from './browser';
import { Designer } from './designer';
import { RunningApp, RunningAppOptions, startRunningApp } from './runningApp';

export interface DesignerSession {
  app: RunningApp;
  /** The admin's API token. */
  token: string;
  session: BrowserSession;
  /** Signed in as the admin in the browser. */
  designer: Designer;
}

/**
 * The set-up every browser suite shares: `npm start`'s app, a Chromium signed in as the admin,
 * both closed after the suite, and no client plugin error allowed in any test. `ready` receives
 * them once they are up, so that the suite keeps its own variables.
 */
export function useDesignerSession(options: RunningAppOptions, ready: (session: DesignerSession) => void) {
  // Each kept as soon as it is up, so that a failed set-up still closes what it opened.
  let app: RunningApp | undefined;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    app = await startRunningApp(options);
    const token = await app.signIn();
    session = await openBrowser();
    const designer = new Designer(session.page, app.baseUrl);
    await designer.signIn();
    ready({ app, token, session, designer });
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  afterEach(() => {
    expect(session?.pluginErrors).toEqual([]);
  });
}
