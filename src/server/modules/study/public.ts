/** What other modules may use from 理论学习. */
export { studyTally, studyTallySummaries, type StudySummary } from './tally.ts';
export { sessionFigures } from './figures.ts';
export { studyTodoSources } from './todo-sources.ts';
