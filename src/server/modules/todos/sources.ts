/**
 * Every kind of 我的待办, in the order the list shows them. A module contributes its kinds by exporting
 * `xTodoSources: TodoSource[]` from its public.ts (see lib/todo-source.ts) and adding one line here.
 */
import type { TodoSource } from '../../lib/todo-source.ts';
import { problemTodoSources } from '../problems/public.ts';
import { studyTodoSources } from '../study/public.ts';
import { researchTodoSources } from '../research/public.ts';
import { taskTodoSources } from '../tasks/public.ts';
import { demandTodoSources } from '../demands/public.ts';
import { checkTodoSources } from '../checks/public.ts';
import { exemplarTodoSources } from '../exemplars/public.ts';
import { assessmentTodoSources } from '../assessments/public.ts';

export const todoSources: TodoSource[] = [
  ...problemTodoSources,
  ...studyTodoSources,
  ...researchTodoSources,
  ...taskTodoSources,
  ...demandTodoSources,
  ...checkTodoSources,
  ...exemplarTodoSources,
  ...assessmentTodoSources,
];
