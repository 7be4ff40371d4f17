/** What other modules may use from 推动发展 (key tasks). */
export { taskVisible, visibleTaskIds, thresholdsOf as taskThresholdsOf } from './repository.ts';
export { taskFigures, type TaskFigures } from './figures.ts';
export { taskWarningKinds } from './warnings.ts';
