import { shownUrl } from '../providerCall';
import { envReferences, secretRedactor } from '../secretRedactor';

describe('envReferences', () => {
  it('finds every {{$env.NAME}} in a step, with or without spaces, once each', () => {
    const step = {
      url: 'https://api.example.com/bot{{$env.BOT_TOKEN}}/setWebhook',
      headers: [{ name: 'Authorization', value: 'Bearer {{ $env.API_TOKEN }}' }],
      body: { secret: '{{$env.BOT_TOKEN}}', url: '{{$webhook.url}}' },
    };
    expect(envReferences(step)).toEqual(['BOT_TOKEN', 'API_TOKEN']);
    expect(envReferences(null)).toEqual([]);
  });
});

describe('secretRedactor', () => {
  const variables = { BOT_TOKEN: '123:ABC/def', API_TOKEN: 'tok-123', UNUSED: 'answered', EMPTY: '' };

  it('puts the reference back wherever a resolved value appears, as sent or as encoded in a URL or JSON', () => {
    const redact = secretRedactor(
      { url: '/bot{{$env.BOT_TOKEN}}', value: '{{$env.API_TOKEN}} {{$env.EMPTY}}' },
      variables,
    );
    expect(redact('POST http://host/api/bot123:ABC/def/setWebhook answered 404')).toBe(
      'POST http://host/api/bot{{$env.BOT_TOKEN}}/setWebhook answered 404',
    );
    expect(redact('{"path":"/bot123%3AABC%2Fdef","auth":"Bearer tok-123"}')).toBe(
      '{"path":"/bot{{$env.BOT_TOKEN}}","auth":"Bearer {{$env.API_TOKEN}}"}',
    );
  });

  it('looks only for the variables the template names, so other words stay as they are', () => {
    expect(secretRedactor({ url: '{{$env.API_TOKEN}}' }, variables)('answered 404')).toBe('answered 404');
    expect(secretRedactor({ url: 'https://api.example.com/hooks' }, variables)('tok-123')).toBe('tok-123');
  });

  it('replaces a value that contains another one whole', () => {
    const redact = secretRedactor('{{$env.SHORT}}{{$env.LONG}}', { SHORT: 'abc', LONG: 'abcdef' });
    expect(redact('x abcdef y abc')).toBe('x {{$env.LONG}} y {{$env.SHORT}}');
  });

  it('treats values as text, not as patterns', () => {
    expect(secretRedactor('{{$env.S}}', { S: 'a.b*c' })('a.b*c axbbc')).toBe('{{$env.S}} axbbc');
  });
});

describe('shownUrl', () => {
  it('keeps the URL as written, without its query, fragment or user information', () => {
    expect(shownUrl('https://user:pass@api.example.com/bot{{$env.X}}/hooks?key=1#top')).toBe(
      'https://api.example.com/bot{{$env.X}}/hooks',
    );
    expect(shownUrl('http://127.0.0.1:8080/hooks/wh_1')).toBe('http://127.0.0.1:8080/hooks/wh_1');
  });
});
