/** 我的待办 as the API returns it, shared by the server's sources and the web's list (src/shared/views/todos.ts). */
import type { TodoCountT, TodoItemT } from './views/todos.ts';

/** One row of 我的待办: the record, why it waits, and the page that opens it with the action ready. */
export type TodoItem = TodoItemT;

/** How many rows of a kind wait, and the menu entry (a web feature key) whose badge counts them. */
export type TodoCount = TodoCountT;
