// The answers live in src/shared so the web (and the todo sources) take their types from the same schemas.
export { TodoCounts, TodoItem, TodoList } from '../../../shared/views/todos.ts';
