import type { AsyncTasksManager, TaskType } from '@nocobase/plugin-async-task-manager';
import type { GivenUpReplay, GivenUpScope } from './GivenUpReplay';

/** The async task manager's name for the job, in `asyncTasks.type`. */
export const REPLAY_GIVEN_UP_TASK = 'webhook-replay-given-up';

type TaskTypeClass = typeof TaskType;
/** What the task type needs of `@nocobase/plugin-async-task-manager`. */
export interface TaskManagerModule {
  TaskType: TaskTypeClass;
  CancelError: new (message?: string) => Error;
}
type TaskConstructor = Parameters<AsyncTasksManager['registerTaskType']>[0];

/**
 * The bulk replay as a task type of NocoBase's async task manager: its record (`asyncTasks`) holds
 * the status and the progress the client reads through `asyncTasks:get`. The base class is passed
 * in, because the async task manager is an optional plugin this one is loaded without.
 */
export function replayGivenUpTaskType(
  { TaskType: Base, CancelError }: TaskManagerModule,
  replay: GivenUpReplay,
): TaskConstructor {
  return class ReplayGivenUpTask extends Base {
    static type = REPLAY_GIVEN_UP_TASK;

    async execute() {
      const scope = (this.record.params ?? {}) as GivenUpScope;
      const stopped = () => this.abortController.signal.aborted || this.isCanceled;
      const result = await replay.run(scope, {
        isCanceled: stopped,
        onProgress: async (progress) => {
          this.reportProgress(progress);
          // The manager only pushes progress over the websocket; saved, `asyncTasks:get` shows it too.
          await this.record.save();
        },
      });
      // The manager records a stopped task as cancelled only when it ends with its CancelError.
      if (stopped()) {
        throw new CancelError();
      }
      return result;
    }
  };
}
