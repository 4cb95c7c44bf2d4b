import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { RESPONSE_NODE_TYPE, TRIGGER_TYPE } from '../../common/constants';
import WebhookTrigger from '../WebhookTrigger';
import { useTestApp } from './helpers/testApp';

describe('plugin loading', () => {
  const current = useTestApp();

  it('registers the webhook trigger type and the HTTP Response node type', () => {
    const workflow = current().app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;
    expect(workflow.triggers.get(TRIGGER_TYPE)).toBeInstanceOf(WebhookTrigger);
    expect(workflow.instructions.get(RESPONSE_NODE_TYPE)).toBeDefined();
  });

  it('answers an unknown key with a JSON 404 over real HTTP', async () => {
    const response = await current().request('/api/webhook:trigger/no-such-key', { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ error: { status: 404, message: 'No enabled webhook workflow at this URL' } });
  });
});
