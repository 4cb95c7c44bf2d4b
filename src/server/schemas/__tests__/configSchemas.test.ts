import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import CallbackInstruction from '../../instructions/CallbackInstruction';
import ResponseInstruction from '../../instructions/ResponseInstruction';
import WebhookTrigger from '../../WebhookTrigger';

const workflowPlugin = {} as PluginWorkflowServer;
const trigger = new WebhookTrigger(workflowPlugin, {} as never);
const responseNode = new ResponseInstruction(workflowPlugin);
const callbackNode = new CallbackInstruction(workflowPlugin, {} as never, '/api');

describe('one schema per contract', () => {
  const answers = [
    ['the trigger', (response: unknown) => trigger.validateConfig!({ response })],
    ['the HTTP Response node', (response: unknown) => responseNode.validateConfig(response as Record<string, unknown>)],
    ['the callback node', (response: unknown) => callbackNode.validateConfig({ response })],
  ] as const;

  it.each(answers)('%s accepts and refuses the same answers', (_where, validate) => {
    expect(validate({ statusCode: 201, headers: [{ name: 'X-Ok', value: '1' }], body: 'ok' })).toBeFalsy();
    expect(validate({ statusCode: '{{$context.body.code}}' })).toBeFalsy();
    expect(validate({ statusCode: 99 })).toBeTruthy();
    expect(validate({ statusCode: 600 })).toBeTruthy();
    expect(validate({ headers: [{ name: 'Bad Name', value: 'x' }] })).toBeTruthy();
  });

  const credentials = [
    ['the trigger', (auth: unknown) => trigger.validateConfig!({ auth })],
    ['the callback node', (auth: unknown) => callbackNode.validateConfig({ auth })],
  ] as const;

  it.each(credentials)('%s asks each credential type for what it needs', (_where, validate) => {
    expect(validate({ type: 'none' })).toBeFalsy();
    expect(validate({ type: 'basic', username: 'u', password: 'p' })).toBeFalsy();
    expect(validate({ type: 'header', name: 'X-Key', value: 'v' })).toBeFalsy();
    expect(validate({ type: 'bearer', token: 't' })).toBeFalsy();
    expect(validate({ type: 'basic', username: 'u' })).toBeTruthy();
    expect(validate({ type: 'header', name: 'X-Key' })).toBeTruthy();
    expect(validate({ type: 'header', name: 'Bad Name', value: 'v' })).toBeTruthy();
    expect(validate({ type: 'bearer' })).toBeTruthy();
    expect(validate({ type: 'digest' })).toBeTruthy();
  });
});
