import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import type { EventQueue, QueueEventOptions } from '@nocobase/server';
import { HostCheck, HostReport, reportHostCheck } from './hostCheck';

/**
 * The only module that looks inside NocoBase's workflow engine. On SQLite, where two writers at once
 * fail, a webhook run must neither start while the engine writes nor have the engine start a queued
 * run beside it. NocoBase has no public signal for either, so this module, and only this one:
 *  - reads (never writes) the dispatcher's `saving` / `executing` promises (2.x), to wait until the
 *    engine is quiet before a webhook run starts;
 *  - subscribes the engine's own queue channel again through the public `app.eventQueue` API, with
 *    the engine's own `process` and an `idle` that also says "not while a webhook run holds the
 *    database", so the engine takes no queued run meanwhile. It marks nothing busy inside the engine.
 * Both are checked against the installed NocoBase at start; see docs/host-internals.md.
 */
interface Dispatcher {
  readonly saving: Promise<unknown> | null;
  readonly executing: Promise<unknown> | null;
  readonly idle: boolean;
  readonly onQueueTask: QueueEventOptions['process'];
}

/** A way to wait until the engine is not writing, and a way to keep its queue waiting. */
export interface EngineActivity {
  /** Resolves once the engine is neither saving events nor running an execution. */
  quiet(): Promise<void>;
  /** Runs `run` while the engine takes no queued run (it may still finish the one it has). */
  holdQueueWhile<T>(run: () => Promise<T>): Promise<T>;
}

function dispatcherOf(plugin: PluginWorkflowServer): Partial<Dispatcher> | undefined {
  const dispatcher = (plugin as unknown as { dispatcher?: unknown }).dispatcher;
  return dispatcher && typeof dispatcher === 'object' ? (dispatcher as Partial<Dispatcher>) : undefined;
}

/** The dispatcher's activity fields, read-only. */
export function checkEngineActivity(plugin: PluginWorkflowServer): HostCheck {
  const dispatcher = dispatcherOf(plugin);
  if (!dispatcher) {
    return { ok: false, problem: 'the workflow plugin has no `dispatcher`' };
  }
  const missing = ['saving', 'executing'].filter((field) => !(field in dispatcher));
  return missing.length
    ? { ok: false, problem: `the workflow dispatcher has no ${missing.map((field) => `\`${field}\``).join(' or ')}` }
    : { ok: true };
}

/** What re-subscribing the engine's queue channel needs. */
export function checkEngineQueue(plugin: PluginWorkflowServer, eventQueue: EventQueue | undefined): HostCheck {
  const dispatcher = dispatcherOf(plugin);
  if (typeof dispatcher?.onQueueTask !== 'function' || !('idle' in (dispatcher ?? {}))) {
    return { ok: false, problem: 'the workflow dispatcher has no `onQueueTask` or `idle`' };
  }
  if (typeof plugin.serving !== 'function' || typeof plugin.channelPendingExecution !== 'string') {
    return { ok: false, problem: 'the workflow plugin has no `serving()` or `channelPendingExecution`' };
  }
  if (typeof eventQueue?.subscribe !== 'function' || typeof eventQueue.unsubscribe !== 'function') {
    return { ok: false, problem: 'the app has no `eventQueue.subscribe` / `unsubscribe`' };
  }
  return { ok: true };
}

/**
 * The engine's activity for the SQLite scheduler, checked when created. A check that fails is
 * logged once and its part falls back: no wait for the engine (webhook runs still go one at a time), or the
 * queue left as the engine set it up.
 */
export function engineActivity(
  plugin: PluginWorkflowServer,
  eventQueue: EventQueue | undefined,
  report: HostReport,
): EngineActivity {
  const observed = reportHostCheck(
    report,
    'workflow engine activity',
    checkEngineActivity(plugin),
    'webhook runs on SQLite no longer wait for the engine to finish writing, so writes may collide under load',
  );
  const gated = reportHostCheck(
    report,
    'workflow engine queue',
    checkEngineQueue(plugin, eventQueue),
    'the engine may start a queued run beside a webhook run on SQLite, so writes may collide under load',
  );
  const dispatcher = dispatcherOf(plugin) as Dispatcher;
  let holds = 0;
  if (gated) {
    const channel = plugin.channelPendingExecution;
    eventQueue!.unsubscribe(channel);
    eventQueue!.subscribe(channel, {
      idle: () => holds === 0 && plugin.serving() && dispatcher.idle,
      process: dispatcher.onQueueTask,
    });
  }
  return {
    async quiet() {
      while (observed && (dispatcher.saving || dispatcher.executing)) {
        await Promise.resolve(dispatcher.saving ?? dispatcher.executing).catch(() => undefined);
      }
    },
    async holdQueueWhile(run) {
      holds += 1;
      try {
        return await run();
      } finally {
        holds -= 1;
      }
    },
  };
}
