import type { Counter } from '@nocobase/cache';
import type { Database } from '@nocobase/database';
import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import type { Listeners } from '../history/Listeners';
import type { Inbox } from '../inbox/Inbox';
import type { RunScheduler } from '../scheduling/RunScheduler';
import type { SecretReader } from '../support/secrets';
import type { FileManager } from '../uploads/fileManager';
import type WebhookTrigger from '../WebhookTrigger';
import { Pipeline } from './Pipeline';
import { answerCors } from './stages/answerCors';
import { authenticate } from './stages/authenticate';
import { checkUploads } from './stages/checkUploads';
import { dispatch } from './stages/dispatch';
import { guardAccepting } from './stages/guardAccepting';
import { CapacityLimits, guardBacklog, guardConcurrency, Load } from './stages/guardCapacity';
import { guardClientAddress } from './stages/guardClientAddress';
import { guardHeaderCount } from './stages/guardHeaderCount';
import { guardMethod } from './stages/guardMethod';
import { guardRate, refusalLimit } from './stages/guardRate';
import { answerMetaHandshake, answerSenderHandshake, answerSenderUrlCheck } from './stages/handshakes';
import { identifyDelivery, readEventType } from './stages/identifyDelivery';
import { answerListened, copyToListener } from './stages/listening';
import { parseRequest } from './stages/parseRequest';
import { noteStored } from './stages/noteStored';
import { persistDelivery } from './stages/persistDelivery';
import { readBody } from './stages/readBody';
import { resolveWorkflow } from './stages/resolveWorkflow';
import { splitEvents } from './stages/splitEvents';
import { storeUploads } from './stages/storeUploads';
import { verifySignature } from './stages/verifySignature';
import { withUploadCleanup } from './stages/withUploadCleanup';

export interface DeliveryPipelineDeps {
  db: Database;
  workflowPlugin: PluginWorkflowServer;
  trigger: WebhookTrigger;
  scheduler: RunScheduler;
  inbox: Inbox;
  listeners: Listeners;
  secrets: SecretReader;
  /** NocoBase's cache counter the rate limits count in. */
  rateCounter: Counter;
  /** The file manager plugin when it is enabled. */
  fileManager: () => FileManager | null;
  capacity: CapacityLimits;
  load: Load;
}

/** What a request to `/api/webhook:trigger/<key>` goes through, from the first guard to its run. */
export function deliveryPipeline({
  db,
  workflowPlugin,
  trigger,
  scheduler,
  inbox,
  listeners,
  secrets,
  rateCounter,
  fileManager,
  capacity,
  load,
}: DeliveryPipelineDeps) {
  // Refused requests are counted per client address; only verified ones use the workflow's rate.
  const refusedRate = refusalLimit(rateCounter);
  // Cheap refusals first, then credentials, then the bytes: verified before they are parsed.
  return (
    Pipeline.start()
      .check(guardAccepting(() => inbox.accepting))
      .check(guardHeaderCount())
      .check(guardConcurrency(capacity, load))
      .then(answerListened(listeners, (key) => Boolean(trigger.findEnabled(key))))
      .then(resolveWorkflow(trigger, (workflow) => workflowPlugin.isWorkflowSync(workflow)))
      .check(guardBacklog(capacity, load))
      .check(guardClientAddress())
      .then(answerCors)
      .then(answerMetaHandshake(secrets))
      .then(answerSenderUrlCheck(secrets))
      .check(guardMethod)
      .check(refusedRate.guard)
      .check(refusedRate.counted(authenticate(secrets)))
      .then(readBody())
      .then(refusedRate.counted(verifySignature(secrets)))
      .check(guardRate(rateCounter))
      .then(parseRequest())
      .then(copyToListener(listeners))
      .then(answerSenderHandshake)
      .then(readEventType)
      .then(checkUploads(fileManager))
      .then(identifyDelivery)
      .then(splitEvents)
      // Files are stored only for a delivery that runs, and deleted again when it is not written.
      .then(storeUploads({ db, fileManager }))
      .then(withUploadCleanup(persistDelivery({ db, inbox: inbox.writer, instanceId: inbox.instanceId }), db))
      .then(noteStored)
      .then(dispatch({ workflowPlugin, scheduler, starter: inbox.starter, outcomes: inbox.outcomes }))
  );
}
