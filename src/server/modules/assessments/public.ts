/** What other modules may use from 考核: nothing yet — figures flow in through the registry (sources.ts). */
export { assessmentVisible } from './repository.ts';
