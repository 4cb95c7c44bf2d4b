import { keysFromRequest, MASKED_VALUE } from '../requestKeys';

describe('keysFromRequest', () => {
  it("offers the sender's headers, every query path and every body path", () => {
    expect(
      keysFromRequest({
        headers: {
          host: '127.0.0.1:13000',
          connection: 'keep-alive',
          'content-type': 'application/json',
          'content-length': '40',
          'x-shop': 'acme',
          'user-agent': 'Shopify-Captain-Hook',
          'x-forwarded-for': '10.0.0.1',
          'sec-fetch-mode': 'cors',
          accept: '*/*',
          'accept-encoding': 'gzip',
        },
        query: { page: '2', filter: { status: 'paid' } },
        body: { order: { id: 1 }, items: [{ sku: 'A' }] },
      }),
    ).toEqual({
      headers: ['x-shop'],
      query: ['page', 'filter', 'filter.status'],
      body: ['order', 'order.id', 'items', 'items[0]', 'items[0].sku'],
    });
  });

  it('leaves out credentials the server masked, and lower-cases names', () => {
    expect(
      keysFromRequest({
        headers: { Authorization: MASKED_VALUE, 'X-Hub-Signature-256': MASKED_VALUE, 'X-GitHub-Event': 'push' },
        query: {},
        body: null,
      }),
    ).toEqual({ headers: ['x-github-event'], query: [], body: [] });
  });

  it('offers no body paths for a text body', () => {
    expect(keysFromRequest({ headers: {}, query: {}, body: 'plain text' }).body).toEqual([]);
  });
});
