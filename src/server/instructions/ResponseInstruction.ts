import { FlowNodeModel, Instruction, JOB_STATUS, Processor } from '@nocobase/plugin-workflow';
import type { ResponseConfig } from '../../common/types';
import { answerFromResponseConfig } from '../http/HttpAnswer';
import { RESPONDER_OPTION, WebhookResponder } from '../http/WebhookResponder';
import { responseSchema } from '../schemas/configSchemas';

/**
 * "HTTP Response": sets the answer of the synchronous webhook request that started the run and
 * ends the run. Without a waiting request (async workflow, manual run, or the request already
 * answered) it records what it would have sent and still ends the run, so a test run takes the
 * same path as a real one.
 */
export default class ResponseInstruction extends Instruction {
  configSchema = responseSchema;

  async run(node: FlowNodeModel, prevJob: { id?: unknown } | null, processor: Processor) {
    const config = processor.getParsedValue(node.config ?? {}, node.id) as ResponseConfig;
    const { answer, problems } = answerFromResponseConfig(config, { status: 200, headers: {}, body: null });
    for (const problem of problems) {
      processor.logger.warn(`[webhook] HTTP Response node ${node.id}: ${problem}`);
    }
    const responder = processor.options[RESPONDER_OPTION] as WebhookResponder | undefined;
    const sent = responder?.offer(answer) ?? false;

    const result = { statusCode: answer.status, headers: answer.headers, body: answer.body, sent };
    const job = processor.saveJob({
      status: JOB_STATUS.RESOLVED,
      result,
      nodeId: node.id,
      nodeKey: node.key,
      upstreamId: prevJob?.id ?? null,
    });
    if (sent) {
      responder?.takenBy(String(job.id), result);
    }
    return processor.exit(JOB_STATUS.RESOLVED);
  }
}
