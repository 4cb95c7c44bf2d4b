import { TRIGGER_TYPE } from './constants';
import type { WebhookTriggerConfig, WorkflowLike } from './types';

/** "HTTP Response" only makes sense where a caller waits: synchronous webhook workflows. */
export function isResponseNodeAvailable(workflow: WorkflowLike | undefined, isSync: boolean): boolean {
  return workflow?.type === TRIGGER_TYPE && isSync;
}

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/**
 * Every chosen check has what it needs: both Basic credentials, the header and its value, the
 * token, the signing secret, the Meta verify token. Everything else is optional.
 */
export function isTriggerConfigValid(config: WebhookTriggerConfig | undefined): boolean {
  const auth = config?.auth;
  const signature = config?.signature;
  const handshake = config?.handshake;
  const authComplete =
    auth?.type === 'basic'
      ? filled(auth.username) && Boolean(auth.password)
      : auth?.type === 'header'
        ? filled(auth.name) && Boolean(auth.value)
        : auth?.type === 'bearer'
          ? Boolean(auth.token)
          : true;
  const signatureComplete = !signature?.preset || signature.preset === 'none' || Boolean(signature.secret);
  const handshakeComplete = handshake?.type !== 'meta' || Boolean(handshake.verifyToken);
  return authComplete && signatureComplete && handshakeComplete;
}
