import type { Context, Next } from '@nocobase/actions';
import type { AsyncTasksManager } from '@nocobase/plugin-async-task-manager';
import type { Application } from '@nocobase/server';
import { DELIVERIES_COLLECTION } from '../constants';
import { findWebhookWorkflow } from '../actions/deliveries';
import { GivenUpReplay, GivenUpScope } from './GivenUpReplay';
import type { ReplayDeps } from './replayDelivery';
import { REPLAY_GIVEN_UP_TASK, replayGivenUpTaskType, TaskManagerModule } from './replayGivenUpTask';

/** The workflow plugin's permission snippet, which the delivery history's actions join. */
const WORKFLOW_SNIPPET = 'pm.workflow.workflows';
const ACTION = `${DELIVERIES_COLLECTION}:replayGivenUp`;

/** The async task manager when its plugin is enabled in this app (it registers itself in the app's container). */
function taskManagerOf(app: Application): AsyncTasksManager | null {
  return (app.container.get('AsyncTaskManager') as AsyncTasksManager | undefined) ?? null;
}

function registerTaskType(app: Application, replay: GivenUpReplay): boolean {
  const manager = taskManagerOf(app);
  if (!manager) {
    return false;
  }
  // Loaded here, not imported: the async task manager is optional, and absent, the action falls back.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const taskManagerModule = require('@nocobase/plugin-async-task-manager') as TaskManagerModule;
  manager.registerTaskType(replayGivenUpTaskType(taskManagerModule, replay));
  return true;
}

/**
 * `webhookDeliveries:replayGivenUp` (`values.workflowId` optional: without it, every webhook
 * workflow's): replays every given-up delivery in the background and answers at once, 202.
 * Through NocoBase's async task manager when it is enabled: the answer names the task
 * (`taskId`), whose status and progress (`progressCurrent` of `progressTotal`) the caller reads
 * with `asyncTasks:get`. Without it the same job runs in this process, unseen: the answer gives
 * the count it started with, and a job cut short by a stop is finished by starting it again.
 */
export function defineGivenUpReplay(app: Application, deps: ReplayDeps) {
  const replay = new GivenUpReplay(deps);
  let withTasks = false;
  // After every plugin has loaded: the manager takes task types once its own plugin has set it up.
  app.on('afterLoad', () => {
    withTasks = registerTaskType(app, replay);
  });

  const action = async (ctx: Context, next: Next) => {
    const params = ctx.action.params as { workflowId?: unknown; values?: { workflowId?: unknown } };
    const workflowId = (params.values?.workflowId ?? params.workflowId ?? null) as GivenUpScope['workflowId'];
    if (workflowId != null && workflowId !== '' && !(await findWebhookWorkflow(deps.db, workflowId))) {
      ctx.throw(404, 'No webhook workflow with this id');
    }
    const scope: GivenUpScope = { workflowId: workflowId === '' ? null : workflowId };
    const total = await replay.count(scope);
    const manager = withTasks ? taskManagerOf(app) : null;
    ctx.status = 202;
    if (manager) {
      const userId = (ctx.state?.currentUser as { id?: number } | undefined)?.id;
      const task = await manager.createTask(
        {
          origin: 'workflow-webhook',
          type: REPLAY_GIVEN_UP_TASK,
          title:
            scope.workflowId == null
              ? 'Replay given-up webhook deliveries'
              : `Replay given-up deliveries of workflow ${scope.workflowId}`,
          params: scope,
          createdById: userId,
          cancelable: true,
        } as unknown as Parameters<AsyncTasksManager['createTask']>[0],
        { useQueue: true, context: ctx },
      );
      ctx.body = { taskId: task.record.id, total };
    } else {
      void replay
        .run(scope)
        .catch((error) => app.logger.error('[webhook] replaying given-up deliveries failed', { error }));
      ctx.body = { taskId: null, total };
    }
    await next();
  };

  type Handlers = Parameters<typeof app.resourceManager.registerActionHandlers>[0];
  app.resourceManager.registerActionHandlers(<Handlers>(<unknown>{ [ACTION]: action }));
  // The same permission as the history it belongs to.
  const snippet = app.acl.snippetManager.snippets.get(WORKFLOW_SNIPPET);
  if (snippet) {
    snippet.actions.push(ACTION);
  } else {
    app.acl.registerSnippet({ name: WORKFLOW_SNIPPET, actions: [ACTION] });
  }
}
