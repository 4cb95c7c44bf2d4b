import { describeSender, without } from './senderContract';

// GitLab publishes no SDK for its webhooks: per https://docs.gitlab.com/user/project/integrations/webhooks/
// the secret token is sent as it is in X-Gitlab-Token (nothing is signed, so a changed body cannot be
// told from a real one); the event name in X-Gitlab-Event.
const TOKEN = 'gitlab-secret-token';
const payload = { object_kind: 'push', ref: 'refs/heads/main', project: { id: 15, name: 'shop' } };
const delivery = (token: string) => ({
  headers: {
    'Content-Type': 'application/json',
    'X-Gitlab-Event': 'Push Hook',
    'X-Gitlab-Event-UUID': '13792a34-cac6-4fda-95a8-c58e00a3954e',
    'X-Gitlab-Token': token,
  },
  body: JSON.stringify(payload),
});

describeSender({
  preset: 'gitlab',
  signature: { secret: TOKEN },
  valid: () => delivery(TOKEN),
  expectedBody: payload,
  refusals: [
    { name: 'wrong token', request: () => delivery('another-token'), message: 'Secret token does not match' },
    {
      name: 'missing header',
      request: () => without(delivery(TOKEN), 'X-Gitlab-Token'),
      message: 'Missing signature header X-Gitlab-Token',
    },
  ],
});
