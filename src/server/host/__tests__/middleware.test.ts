import { useTestApp } from '../../__tests__/helpers/testApp';
import { checkMiddlewareOrder, reportMiddlewareOrder } from '../middleware';

describe("the webhook endpoints' place in NocoBase's middleware", () => {
  const current = useTestApp();

  it("runs both endpoints ahead of NocoBase's logger, body parser, CORS and data sources", () => {
    for (const tag of ['webhook', 'webhook-callback', 'webhook-other-url-forms']) {
      expect([tag, checkMiddlewareOrder(current().app, tag)]).toEqual([tag, { ok: true }]);
    }
  });

  it('names what runs ahead, and logs one error naming the NocoBase version', () => {
    const { app } = current();
    // A middleware that would run first were it ordered before everything, as a renamed tag would.
    expect(checkMiddlewareOrder(app, 'logger')).toEqual({
      ok: false,
      problem: expect.stringContaining('run before "logger"'),
    });
    expect(checkMiddlewareOrder(app, 'no-such-tag')).toEqual({
      ok: false,
      problem: 'no middleware tagged "no-such-tag" is in the app\'s list',
    });
    const errors: string[] = [];
    reportMiddlewareOrder(app, ['webhook', 'no-such-tag'], {
      version: app.getVersion(),
      logger: { error: (line) => errors.push(line), info: () => 0 },
    });
    expect(errors).toEqual([
      expect.stringMatching(/^\[webhook\] NocoBase 2\.2\.15: middleware order: no middleware tagged "no-such-tag"/),
    ]);
  });

  it('says so when the middleware list no longer exposes its groups', () => {
    const bare = { middleware: { nodes: [] } } as never;
    expect(checkMiddlewareOrder(bare, 'webhook')).toEqual({
      ok: false,
      problem: "the app's middleware list no longer exposes its groups",
    });
  });
});
