import { parse } from '@nocobase/utils';
import { DEFAULT_ASYNC_RESPONSE } from '../../../common/constants';
import type { ResponseConfig } from '../../../common/types';
import { answerFromResponseConfig, HttpAnswer } from '../../http/HttpAnswer';
import type { Identified } from '../Delivery';

const templated = new WeakMap<object, boolean>();
function usesVariables(response: ResponseConfig): boolean {
  let uses = templated.get(response);
  if (uses === undefined) {
    uses = JSON.stringify(response).includes('{{');
    templated.set(response, uses);
  }
  return uses;
}

/**
 * The immediate answer of an async workflow: its configured response, where `{{$context.…}}`
 * variables take values from the request (to echo a handshake's challenge, or a sender's id). A
 * sender that expects one particular answer to every delivery (DingTalk's encrypted "success")
 * gets that answer, whatever the response is set to.
 */
export function immediateAnswer(delivery: Identified): HttpAnswer {
  const sender = delivery.sender;
  if (sender?.protocol.answerEvery) {
    return sender.protocol.answerEvery(sender.keys);
  }
  const configured = delivery.config.response;
  const response: ResponseConfig | undefined =
    configured && usesVariables(configured) ? parse(configured)({ $context: delivery.context }) : configured;
  const { answer, problems } = answerFromResponseConfig(response, {
    status: DEFAULT_ASYNC_RESPONSE.statusCode,
    headers: {},
    body: DEFAULT_ASYNC_RESPONSE.body,
  });
  for (const problem of problems) {
    delivery.logger.warn(`[webhook] workflow ${delivery.workflow.id}: immediate response: ${problem}`);
  }
  return answer;
}
