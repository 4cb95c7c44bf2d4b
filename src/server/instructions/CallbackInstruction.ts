import Joi from 'joi';
import { FlowNodeModel, Instruction, JOB_STATUS, Processor } from '@nocobase/plugin-workflow';
import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import type { CallbackKeys } from '../callback/CallbackKeys';
import { callbackUrl } from '../callback/callbackUrls';
import { authSchema, methodsSchema, responseSchema } from '../schemas/configSchemas';

/**
 * "Wait for callback": the run pauses here (its job pending) until a request reaches this run's
 * callback URL, which earlier nodes already had as `$context.callbackUrls.<node key>`. The request
 * becomes the node's result (`request`); with a timeout, the run goes on with `timedOut: true` or
 * the node fails. Resuming is done by the callback endpoint or the timeout sweep (CallbackEndpoint,
 * CallbackTimeouts), from the database, so a wait survives restarts and works on any instance.
 */
export default class CallbackInstruction extends Instruction {
  configSchema = Joi.object({
    methods: methodsSchema,
    auth: authSchema.allow(null),
    timeout: Joi.number().positive().allow(null),
    onTimeout: Joi.string().valid('continue', 'fail'),
    response: responseSchema.allow(null),
  }).unknown(true);

  constructor(
    workflow: PluginWorkflowServer,
    private readonly keys: CallbackKeys,
    private readonly apiPrefix: string,
  ) {
    super(workflow);
  }

  async run(node: FlowNodeModel, _input: unknown, processor: Processor) {
    const { execution } = processor;
    const { secret } = await this.keys.current();
    return {
      status: JOB_STATUS.PENDING,
      result: { callbackUrl: callbackUrl(secret, this.apiPrefix, execution.id, node.id) },
    };
  }

  /** The job was settled by the callback or the timeout before the run was resumed. */
  resume(_node: FlowNodeModel, job: { status: number; result?: unknown }) {
    return job;
  }
}
