import { Type } from 'typebox';

const TodoCount = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  menu: Type.String(),
  count: Type.Integer(),
});

export const TodoItem = Type.Object({
  kind: Type.String(),
  id: Type.Integer(),
  title: Type.String(),
  orgName: Type.Union([Type.String(), Type.Null()]),
  date: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
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
