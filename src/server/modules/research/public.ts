/** What other modules may use from 调查研究. */
export { researchTodoSources } from './todo-sources.ts';
