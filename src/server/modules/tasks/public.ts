/** What other modules may use from 推动发展 (key tasks). */
import type { AttachmentLink } from '../attachments/public.ts';
import { taskVisible } from './repository.ts';

export { taskVisible, visibleTaskIds, thresholdsOf as taskThresholdsOf } from './repository.ts';
export { taskFigures, unitTaskFigures, type TaskFigures } from './figures.ts';
export { taskWarningKinds } from './warnings.ts';
/** The maintained task figures: rebuilt at start-up when stale, recounted for a moved unit's subtree. */
export { TASK_TALLY, rebuildTaskTally, recountTasksUnder, taskTallyIsStale } from './tally.ts';
export { NEVER as NEVER_DATE } from './schedule.ts';
/** Re-derives a task's status after rows were written around the commands (demo loader, benchmark city). */
export { syncSchedule as rederiveTask } from './sync-schedule.ts';
/** The status history of tasks written around the commands (the demo's weeks of history). */
export { backdateStatusHistory, recordStatus as recordTaskStatus } from './repository.ts';

/** The evidence of a task the caller may see is theirs to open. */
export const taskAttachmentLink: AttachmentLink = (actor) => (eb) =>
  eb.exists(
    eb
      .selectFrom('taskEvidence')
      .innerJoin('tasks', 'tasks.id', 'taskEvidence.taskId')
      .select('taskEvidence.id')
      .whereRef('taskEvidence.attachmentId', '=', 'attachments.id')
      .where(taskVisible(actor) as never),
  );
export { taskFigureSources } from './assessment-figures.ts';
export { taskTodoSources } from './todo-sources.ts';

/** The 重点任务台账 as an importable ledger (registered in modules/routes.ts). */
export { taskLedger } from './task-ledger-import.ts';
export { overdueTasks } from './accountability-items.ts';
