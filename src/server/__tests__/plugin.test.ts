import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { NAMESPACE, RESPONSE_NODE_TYPE, TRIGGER_TYPE } from '../../common/constants';
import {
  CALLBACK_KEYS_COLLECTION,
  DELIVERIES_COLLECTION,
  LISTENERS_COLLECTION,
  SETTINGS_COLLECTION,
  SUBSCRIPTIONS_COLLECTION,
} from '../constants';
import WebhookTrigger from '../WebhookTrigger';
import { useTestApp } from './helpers/testApp';

describe('plugin loading', () => {
  const current = useTestApp();

  it('registers the webhook trigger type and the HTTP Response node type', () => {
    const workflow = current().app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;
    expect(workflow.triggers.get(TRIGGER_TYPE)).toBeInstanceOf(WebhookTrigger);
    expect(workflow.instructions.get(RESPONSE_NODE_TYPE)).toBeDefined();
  });

  it('loads its collections from collections/, each in the table of its own name', async () => {
    const { db } = current().app;
    const names = [
      DELIVERIES_COLLECTION,
      LISTENERS_COLLECTION,
      SUBSCRIPTIONS_COLLECTION,
      SETTINGS_COLLECTION,
      CALLBACK_KEYS_COLLECTION,
    ];
    for (const name of names) {
      const collection = db.getCollection(name);
      expect(collection).toBeDefined();
      expect(collection.origin).toBe(NAMESPACE);
      expect(await collection.existsInDb()).toBe(true);
    }
    expect(names).toEqual([
      'webhookDeliveries',
      'webhookListeners',
      'webhookSubscriptions',
      'webhookSettings',
      'webhookCallbackKeys',
    ]);
  });

  it('answers an unknown key with a JSON 404 over real HTTP', async () => {
    const response = await current().request('/api/webhook:trigger/no-such-key', { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({
      error: { status: 404, message: 'No enabled webhook workflow at this URL' },
    });
  });
});
