import { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { Application } from '@nocobase/server';
import { keyHash } from '../../http/DeliveryLog';
import type { Inbox } from '../../inbox/Inbox';
import type { Received } from '../../pipeline/Delivery';
import { defineMetrics } from '../defineMetrics';
import { deliveryOutcome, statusClass } from '../deliveryOutcome';
import { WebhookMetrics } from '../WebhookMetrics';
import { CollectingReader, pointsOf } from './collectingReader';

function delivery(trace: Received['trace'], key = 'a-key'): Received {
  return { key, trace, receivedAt: Date.now(), answerHeaders: {}, afterDelivery: [] } as unknown as Received;
}

describe('WebhookMetrics', () => {
  it('counts retries started and deliveries given up, by workflow', async () => {
    const reader = new CollectingReader();
    const metrics = new WebhookMetrics(new MeterProvider({ readers: [reader] }).getMeter('test'));
    metrics.retryStarted('key-a');
    metrics.retryStarted('key-a');
    metrics.gaveUp('key-a');
    metrics.retryStarted('key-b');

    const collected = await reader.metrics();
    expect(pointsOf(collected, 'webhook_retries_total')).toEqual([
      { attributes: { workflow: keyHash('key-a') }, value: 2 },
      { attributes: { workflow: keyHash('key-b') }, value: 1 },
    ]);
    expect(pointsOf(collected, 'webhook_given_up_total')).toEqual([
      { attributes: { workflow: keyHash('key-a') }, value: 1 },
    ]);
  });

  it('does nothing without a meter', () => {
    const metrics = new WebhookMetrics(null);
    expect(metrics.enabled).toBe(false);
    expect(() => {
      metrics.answered(delivery({ workflowId: 1, stored: 'async' }), { status: 200, headers: {}, body: 'ok' });
      metrics.retryStarted('key');
      metrics.gaveUp('key');
      metrics.observeBacklog(() => 3);
    }).not.toThrow();
  });

  it('says once, at debug level, that the app has no telemetry started', () => {
    const debug = jest.fn();
    const app = {
      telemetry: { metric: { getMeter: () => null } },
      logger: { debug, info: jest.fn(), warn: jest.fn(), error: jest.fn() },
    } as unknown as Application;
    const inbox = { backlog: 0, reportRetriesTo: jest.fn() } as unknown as Inbox;
    expect(defineMetrics(app, inbox).enabled).toBe(false);
    expect(debug).toHaveBeenCalledTimes(1);
    expect(debug.mock.calls[0][0]).toContain('metrics are off');
  });
});

describe('deliveryOutcome', () => {
  it('names what the stages noted, else whether the inbox took the delivery', () => {
    expect(deliveryOutcome({ outcome: 'refused' }, 401)).toBe('refused');
    expect(deliveryOutcome({ outcome: 'duplicate' }, 200)).toBe('duplicate');
    expect(deliveryOutcome({ outcome: 'handshake' }, 200)).toBe('handshake');
    // A synchronous run that failed was still accepted.
    expect(deliveryOutcome({ stored: 'sync' }, 500)).toBe('accepted');
    expect(deliveryOutcome({ workflowId: 1 }, 503)).toBe('error');
    expect(deliveryOutcome({ workflowId: 1 }, 204)).toBe('other');
  });

  it('groups statuses by class', () => {
    expect([200, 202, 401, 404, 503].map(statusClass)).toEqual(['2xx', '2xx', '4xx', '4xx', '5xx']);
  });
});
