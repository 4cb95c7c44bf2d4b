import type { Database } from '@nocobase/database';
import { Op } from '@nocobase/database';
import { ListenedRequest, MASKED_VALUE } from '../../common/requestKeys';
import type { Log } from '../Log';
import { LISTENERS_COLLECTION } from './listenerCollection';

/** How long a designer waits for a test request. */
export const LISTEN_SECONDS = 120;
/** How often each instance reads which keys are being listened to (others' listeners). */
const REFRESH_MS = Number(process.env.WEBHOOK_LISTEN_REFRESH_MS) || 1_000;
/** Header names whose values are credentials: shown as present, never with their value. */
const SECRET_HEADER = /authorization|cookie|token|secret|signature|api[-_]?key|password|hmac/i;

export function maskHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) {
      continue;
    }
    shown[name] = SECRET_HEADER.test(name) ? MASKED_VALUE : Array.isArray(value) ? value.join(', ') : value;
  }
  return shown;
}

/**
 * The keys designers are listening to, on every instance: rows in `webhookListeners`, read every
 * second (the table is empty but for the minutes someone listens), plus this instance's own at
 * once. The first request to a listened key is handed over, on whichever instance it arrives.
 */
export class Listeners {
  private keys = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly logger: Log,
  ) {}

  private get model() {
    return this.db.getModel(LISTENERS_COLLECTION);
  }

  start() {
    this.timer = setInterval(() => {
      this.refresh().catch((error) => this.logger.warn('[webhook] reading test-request listeners failed', { error }));
    }, REFRESH_MS);
    this.timer.unref?.();
  }

  stop() {
    if (this.timer) {
      clearInterval(this.timer);
    }
  }

  async refresh() {
    const rows = (await this.model.findAll({
      where: { capturedAt: null, expiresAt: { [Op.gt]: new Date() } },
      attributes: ['workflowKey'],
      raw: true,
    })) as unknown as Array<{ workflowKey: string }>;
    this.keys = new Set(rows.map((row) => row.workflowKey));
  }

  isListening(key: string): boolean {
    return this.keys.has(key);
  }

  async listen(workflow: { id: number | string; key: string }) {
    const row = await this.model.create({
      workflowId: workflow.id,
      workflowKey: workflow.key,
      expiresAt: new Date(Date.now() + LISTEN_SECONDS * 1000),
    });
    this.keys.add(workflow.key);
    return row.toJSON() as { id: number; expiresAt: Date; workflowKey: string };
  }

  /** Hands the request to the waiting listeners of the key; false when none was waiting any more. */
  async capture(key: string, request: ListenedRequest): Promise<boolean> {
    const [count] = await this.model.update(
      { capturedAt: new Date(), request },
      { where: { workflowKey: key, capturedAt: null, expiresAt: { [Op.gt]: new Date() } } },
    );
    this.keys.delete(key);
    return count > 0;
  }

  async result(id: number | string) {
    const row = (await this.model.findByPk(id))?.toJSON() as
      | { id: number; workflowId: number; capturedAt: Date | null; expiresAt: Date; request: ListenedRequest | null }
      | undefined;
    if (!row) {
      return null;
    }
    const status = row.capturedAt ? 'captured' : new Date(row.expiresAt).getTime() <= Date.now() ? 'expired' : 'waiting';
    return { id: row.id, workflowId: row.workflowId, status, expiresAt: row.expiresAt, request: row.request };
  }

  async cancel(id: number | string) {
    await this.model.update({ expiresAt: new Date() }, { where: { id, capturedAt: null } });
  }
}
