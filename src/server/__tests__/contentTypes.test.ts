import { githubHeaders, slackHeaders } from './helpers/senders';
import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow, executionsOf, waitForExecutions } from './helpers/workflows';

const TWILIO_SMS =
  'ToCountry=US&ToState=CA&SmsMessageSid=SM1f0e8ae6ade43cb3c0ce4525424e404f&NumMedia=0&Body=Hello+from+Twilio%21' +
  '&From=%2B14155552671&To=%2B15017250604&MessageSid=SM1f0e8ae6ade43cb3c0ce4525424e404f&AccountSid=ACXXXXXXXX&ApiVersion=2010-04-01';

const PAYMENT_XML = `<?xml version="1.0" encoding="UTF-8"?>
<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <out_trade_no>order-20261130-001</out_trade_no>
  <total_fee>950</total_fee>
  <payment currency="CNY" method="wechat">
    <paid_at>2026-11-30T10:00:00Z</paid_at>
  </payment>
</xml>`;

function multipartUpload(boundary: string) {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="order"\r\n\r\nA-17\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="tag"\r\n\r\nurgent\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="tag"\r\n\r\nvip\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="invoice"; filename="invoice 17.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.from('%PDF-1.4 fake invoice bytes \x00\x01\x02'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

describe('every content type a sender uses, as the run sees it', () => {
  const current = useTestApp(undefined, { extraPlugins: ['file-manager'] });
  const post = (key: string, body: BodyInit, contentType: string, headers: Record<string, string> = {}, query = '') =>
    current().request(`/api/webhook:trigger/${key}${query}`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': contentType, ...headers },
    });

  it('parses a Twilio-style form post into fields', async () => {
    const workflow = await createWebhookWorkflow(current());
    expect((await post(workflow.key, TWILIO_SMS, 'application/x-www-form-urlencoded')).status).toBe(200);
    const [run] = await waitForExecutions(current(), workflow.id, 1);
    expect(run.context.body).toMatchObject({ Body: 'Hello from Twilio!', From: '+14155552671', NumMedia: '0' });
  });

  it('parses an XML payment notification into an object with its attributes', async () => {
    const workflow = await createWebhookWorkflow(current());
    expect((await post(workflow.key, PAYMENT_XML, 'text/xml; charset=utf-8')).status).toBe(200);
    const [run] = await waitForExecutions(current(), workflow.id, 1);
    expect(run.context.body).toMatchObject({
      xml: {
        return_code: 'SUCCESS',
        out_trade_no: 'order-20261130-001',
        total_fee: '950',
        payment: { '@currency': 'CNY', '@method': 'wechat', paid_at: '2026-11-30T10:00:00Z' },
      },
    });
  });

  it("stores a multipart upload's file through the file manager when the workflow stores uploads, and lists it in $context.files", async () => {
    const workflow = await createWebhookWorkflow(current(), { config: { uploads: { store: true } } });
    const boundary = '----hookflow-boundary-1';
    const upload = multipartUpload(boundary);
    expect((await post(workflow.key, upload, `multipart/form-data; boundary=${boundary}`)).status).toBe(200);
    const [run] = await waitForExecutions(current(), workflow.id, 1);
    const context = run.context as typeof run.context & { files: Array<Record<string, unknown>> };
    expect(context.body).toEqual({ order: 'A-17', tag: ['urgent', 'vip'] });
    expect(context.files).toEqual([
      expect.objectContaining({
        field: 'invoice',
        filename: 'invoice 17.pdf',
        mimeType: 'application/pdf',
        size: 31,
        attachmentId: expect.anything(),
      }),
    ]);
    const attachment = await current()
      .app.db.getRepository('attachments')
      .findOne({ filterByTk: context.files[0].attachmentId as number });
    expect(attachment?.get('title')).toBe('invoice 17.pdf');
    expect(Number(attachment?.get('size'))).toBe(31);
  });

  it('keeps the raw body when asked: as text, or base64 when it is not UTF-8', async () => {
    const workflow = await createWebhookWorkflow(current(), { config: { rawBody: true } });
    const json = '{ "spaced" :  true }';
    const binary = Buffer.from([0x00, 0xff, 0xfe, 0x10, 0x80]);
    expect((await post(workflow.key, json, 'application/json')).status).toBe(200);
    expect((await post(workflow.key, binary, 'application/octet-stream')).status).toBe(200);
    const runs = await waitForExecutions(current(), workflow.id, 2);
    const byEncoding = Object.fromEntries(
      runs.map((run) => {
        const context = run.context as typeof run.context & { rawBody: string; rawBodyEncoding: string };
        return [context.rawBodyEncoding, context];
      }),
    );
    expect(byEncoding.utf8).toMatchObject({ rawBody: json, body: { spaced: true } });
    expect(byEncoding.base64).toMatchObject({ rawBody: binary.toString('base64'), body: null });

    const withoutRaw = await createWebhookWorkflow(current());
    const refused = await post(withoutRaw.key, binary, 'application/octet-stream');
    expect(refused.status).toBe(415);
    expect(await executionsOf(current(), withoutRaw.id)).toHaveLength(0);
  });

  it("answers Slack's url_verification with its challenge after checking the signature, and runs nothing", async () => {
    const secret = 'slack-signing-secret';
    const workflow = await createWebhookWorkflow(current(), {
      config: { signature: { preset: 'slack', secret }, handshake: { type: 'slack' } },
    });
    const challenge = JSON.stringify({
      token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    });
    const answer = await post(workflow.key, challenge, 'application/json', slackHeaders(secret, challenge));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    expect((await post(workflow.key, challenge, 'application/json', slackHeaders('forged', challenge))).status).toBe(
      401,
    );

    const event = JSON.stringify({ type: 'event_callback', event: { type: 'message', text: 'hi' } });
    expect((await post(workflow.key, event, 'application/json', slackHeaders(secret, event))).status).toBe(200);
    const runs = await waitForExecutions(current(), workflow.id, 1);
    expect(runs).toHaveLength(1);
    expect(runs[0].context.body).toMatchObject({ type: 'event_callback' });
  });

  it("answers Meta's GET verification when the token matches, 403 when not, then takes signed POSTs", async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: {
        handshake: { type: 'meta', verifyToken: 'my-verify-token' },
        signature: { preset: 'meta', secret: 'app-secret' },
      },
    });
    const verify = (token: string) =>
      current().request(
        `/api/webhook:trigger/${workflow.key}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`,
      );
    const ok = await verify('my-verify-token');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await verify('guess');
    expect(wrong.status).toBe(403);
    expect(await executionsOf(current(), workflow.id)).toHaveLength(0);

    const change = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'messages' }] }],
    });
    expect((await post(workflow.key, change, 'application/json', githubHeaders('app-secret', change))).status).toBe(
      200,
    );
    expect((await post(workflow.key, change, 'application/json')).status).toBe(401);
    const [run, ...others] = await waitForExecutions(current(), workflow.id, 1);
    expect(others).toHaveLength(0);
    expect(run.context.body).toMatchObject({ object: 'whatsapp_business_account' });
  });

  it('lets the immediate response echo request values, dotted query keys included', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: {
        methods: ['GET', 'POST'],
        response: {
          statusCode: 200,
          headers: [{ name: 'X-Echo-Id', value: '{{$context.body.id}}' }],
          body: '{{$context.query.hub.challenge}}',
        },
      },
    });
    const answer = await post(workflow.key, '{"id":"evt-9"}', 'application/json', {}, '?hub.challenge=abc123');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-echo-id')).toBe('evt-9');
    expect(await answer.text()).toBe('abc123');
  });
});
