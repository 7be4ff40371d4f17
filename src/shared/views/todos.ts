/** What the 我的待办 routes answer, as TypeBox: the server serialises with these, the web takes their Static types. */
import { Type, type Static } from 'typebox';

/** How many rows of a kind wait, and the menu entry (a web feature key) whose badge counts them. */
export const TodoCount = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  menu: Type.String(),
  count: Type.Integer(),
});

/** One row of 我的待办: the record, why it waits, and the page that opens it with the action ready. */
export const TodoItem = Type.Object({
  kind: Type.String(),
  id: Type.Integer(),
  title: Type.String(),
  orgName: Type.Union([Type.String(), Type.Null()]),
  /** The date it is due (or was submitted, for reviews). */
  date: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  /** A web path, e.g. "/problems?open=12&action=approve". */
  link: Type.String(),
});

export const TodoList = Type.Object({
  items: Type.Array(TodoItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  counts: Type.Array(TodoCount),
});

export const TodoCounts = Type.Object({ total: Type.Integer(), counts: Type.Array(TodoCount) });

export type TodoCountT = Static<typeof TodoCount>;
export type TodoItemT = Static<typeof TodoItem>;
export type TodoListT = Static<typeof TodoList>;
export type TodoCountsT = Static<typeof TodoCounts>;
