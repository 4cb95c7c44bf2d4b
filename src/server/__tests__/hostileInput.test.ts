import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow, deliveriesToRun, executionsOf, postJson, waitForExecutions } from './helpers/workflows';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { runHostileCases, renderTable } = require('../../../scripts/hostile/cases');

interface Row {
  name: string;
  status: number | null;
  message: string;
}

const EXPECTED: Record<string, number | 'cut off or 400'> = {
  'malformed JSON': 400,
  'truncated JSON': 400,
  'body shorter than its Content-Length': 'cut off or 400',
  'JSON sent as application/xml': 400,
  'binary body, no Content-Type': 400,
  'invalid UTF-8 in JSON': 400,
  'JSON nested 10000 levels': 400,
  'XML nested 10000 levels': 400,
  'XML entity expansion (billion laughs)': 400,
  '50 MB body': 413,
  '1,000 headers': 431,
  '__proto__ key in body': 400,
  'constructor.prototype in body': 400,
  '__proto__ key in query': 400,
  '__proto__ key in form body': 400,
  'invalid percent-encoding in query': 400,
  'invalid percent-encoding in form body': 400,
  '100 KB URL': 431,
  'body sent one byte a second': 408,
  'well-formed delivery afterwards': 200,
};

describe('hostile input', () => {
  // Short, so that the one-byte-a-second sender is cut off within the test.
  process.env.WEBHOOK_BODY_TIMEOUT_MS = '3000';
  const current = useTestApp();
  afterAll(() => {
    delete process.env.WEBHOOK_BODY_TIMEOUT_MS;
  });

  it('gets a clear 4xx for every case, stores and runs nothing, pollutes no prototype, and the app keeps serving', async () => {
    const workflow = await createWebhookWorkflow(current());
    const rows: Row[] = await runHostileCases(current().baseUrl, `/api/webhook:trigger/${workflow.key}`);
    console.log(renderTable(rows));

    expect(rows.map((row) => row.name)).toEqual(Object.keys(EXPECTED));
    for (const row of rows) {
      const expected = EXPECTED[row.name];
      if (expected === 'cut off or 400') {
        expect([null, 400]).toContain(row.status);
      } else {
        expect({ name: row.name, status: row.status }).toEqual({ name: row.name, status: expected });
        expect(row.message).toBeTruthy();
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // Only the control delivery was stored and ran.
    const [run] = await waitForExecutions(current(), workflow.id, 1);
    expect(run.context.body).toEqual({ after: 'the storm' });
    expect(await executionsOf(current(), workflow.id)).toHaveLength(1);
    expect(await deliveriesToRun(current(), workflow.id)).toHaveLength(1);
  });

  it('answers 400 for a query or form body that is not valid percent-encoding, and still refuses encoded __proto__ keys', async () => {
    const workflow = await createWebhookWorkflow(current());
    const sendForm = (body: string) =>
      current().request(`/api/webhook:trigger/${workflow.key}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      });
    const answers: Array<[string, Response]> = [
      ['Query string is not valid percent-encoding', await postJson(current(), workflow.key, {}, { query: '?a=%ZZ' })],
      [
        'Query string is not valid percent-encoding',
        await postJson(current(), workflow.key, {}, { query: '?x%5B__proto__%5D=1&b=%ZZ' }),
      ],
      ['Form body is not valid percent-encoding', await sendForm('a=%ZZ')],
      ['Form body is not valid percent-encoding', await sendForm('x%5B__proto__%5D=1&b=%ZZ')],
      [
        'Request query contains a __proto__ or constructor.prototype key, which is refused',
        await postJson(current(), workflow.key, {}, { query: '?__proto__%5Bx%5D=1' }),
      ],
      [
        'Request query contains a __proto__ or constructor.prototype key, which is refused',
        await postJson(current(), workflow.key, {}, { query: '?a=1&x%5B__proto__%5D=1' }),
      ],
      [
        'Request body contains a __proto__ or constructor.prototype key, which is refused',
        await sendForm('__proto__%5Bx%5D=1'),
      ],
    ];
    for (const [message, response] of answers) {
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 400,
        body: { error: { status: 400, message } },
      });
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(await deliveriesToRun(current(), workflow.id)).toHaveLength(0);
  });
});
