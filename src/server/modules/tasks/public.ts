/** What other modules may use from 推动发展 (key tasks). */
export { taskVisible, visibleTaskIds, thresholdsOf as taskThresholdsOf } from './repository.ts';
export { taskFigures, type TaskFigures } from './figures.ts';
export { taskWarningKinds } from './warnings.ts';
export { NEVER as NEVER_DATE } from './schedule.ts';
/** Re-derives a task's status after rows were written around the commands (demo loader, benchmark city). */
export { syncSchedule as rederiveTask } from './sync-schedule.ts';
