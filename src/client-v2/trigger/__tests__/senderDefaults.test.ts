import { senderDefaultChanges } from '../senderDefaults';

describe('senderDefaultChanges', () => {
  it('fills what the sender always sends where nothing is set', () => {
    expect(senderDefaultChanges({}, 'none', 'alipay')).toEqual({
      idempotency: { bodyPath: 'notify_id' },
      eventType: { bodyPath: 'notify_type' },
      response: { statusCode: 200, headers: [{ name: 'Content-Type', value: 'text/plain' }], body: 'success' },
    });
    expect(senderDefaultChanges(undefined, undefined, 'sendgrid')).toEqual({
      events: { path: '[*]', type: '{{$event.event}}', id: '{{$event.sg_event_id}}' },
    });
  });

  it('gives the form a copy it may edit, not the catalogue itself', () => {
    const { response } = senderDefaultChanges({}, null, 'alipay') as { response: { headers: unknown[] } };
    response.headers.push({ name: 'X-More' });
    expect(senderDefaultChanges({}, null, 'alipay').response).toMatchObject({ headers: [expect.anything()] });
  });

  it('treats empty settings as unset, and keeps the retention of delivery IDs', () => {
    const config = {
      idempotency: { header: '', ttl: 60 },
      eventType: { header: '  ' },
      events: null,
      response: { headers: [{ name: '', value: '' }], body: '' },
    };
    expect(senderDefaultChanges(config, 'none', 'alipay')).toMatchObject({
      idempotency: { bodyPath: 'notify_id', ttl: 60 },
      eventType: { bodyPath: 'notify_type' },
      response: { body: 'success' },
    });
  });

  it('never replaces a setting the designer wrote', () => {
    const config = {
      idempotency: { bodyPath: 'data.id' },
      eventType: { bodyPath: 'kind' },
      events: { path: 'items[*]' },
      response: { statusCode: 204 },
    };
    expect(senderDefaultChanges(config, 'none', 'alipay')).toEqual({});
    expect(senderDefaultChanges(config, 'none', 'hubspot')).toEqual({});
  });

  it("replaces the previous sender's untouched defaults, and takes back those the next one lacks", () => {
    const github = { idempotency: { header: 'X-GitHub-Delivery', ttl: 600 }, eventType: { header: 'X-GitHub-Event' } };
    expect(senderDefaultChanges(github, 'github', 'stripe')).toEqual({
      idempotency: { bodyPath: 'id', ttl: 600 },
      eventType: { bodyPath: 'type' },
    });
    expect(senderDefaultChanges(github, 'github', 'meta')).toEqual({
      idempotency: { ttl: 600 },
      eventType: null,
      events: { path: 'entry[*].changes[*]', type: '{{$event.field}}' },
    });
    const edited = { ...github, eventType: { header: 'X-GitHub-Hook-Event' } };
    expect(senderDefaultChanges(edited, 'github', 'zoom')).toEqual({ idempotency: { ttl: 600 } });
  });

  it('changes nothing for the custom scheme or none', () => {
    const github = { idempotency: { header: 'X-GitHub-Delivery' } };
    expect(senderDefaultChanges(github, 'github', 'custom')).toEqual({});
    expect(senderDefaultChanges(github, 'github', 'none')).toEqual({});
  });

  it('leaves events and the immediate answer alone for a synchronous workflow', () => {
    expect(senderDefaultChanges({}, 'none', 'alipay', { sync: true })).toEqual({
      idempotency: { bodyPath: 'notify_id' },
      eventType: { bodyPath: 'notify_type' },
    });
    expect(senderDefaultChanges({}, 'none', 'meta', { sync: true })).toEqual({});
  });
});
