import { sql, type Expression, type SqlBool } from 'kysely';
import type { ProblemColour } from '../../../shared/problem-enums.ts';
import type { AnyExpressionBuilder } from '../../db/untyped.ts';

interface ColourInput {
  status: string;
  kind: string;
  dueDate: string | null;
}

/** 红黄绿蓝 from dates, never stored: closed green; overdue red; awaiting acceptance or due soon yellow; long-term blue. */
export function colourOf(p: ColourInput, today: string, yellowUntil: string): ProblemColour {
  if (p.status === 'closed') return 'green';
  if (p.dueDate !== null && p.dueDate < today) return 'red';
  if (p.status === 'submitted') return 'yellow';
  if (p.kind === 'long_term') return 'blue';
  if (p.dueDate !== null && p.dueDate <= yellowUntil) return 'yellow';
  return 'none';
}

export function isOverdue(p: ColourInput, today: string): boolean {
  return p.status !== 'closed' && p.dueDate !== null && p.dueDate < today;
}

/** The same rule as SQL, so a colour filter and the colours shown always agree. */
export function colourPredicate(
  eb: AnyExpressionBuilder,
  colour: ProblemColour,
  today: string,
  yellowUntil: string,
): Expression<SqlBool> {
  const status = eb.ref('problems.status');
  const due = eb.ref('problems.dueDate');
  const notOverdue = eb.or([eb(due, 'is', null), eb(due, '>=', today)]);
  switch (colour) {
    case 'green':
      return eb(status, '=', 'closed');
    case 'red':
      // "is not null" keeps the predicate two-valued, so NOT(red) (overdue=false) also keeps rows without a due date.
      return eb.and([eb(status, '!=', 'closed'), eb(due, 'is not', null), eb(due, '<', today)]);
    case 'yellow':
      return eb.and([
        eb(status, '!=', 'closed'),
        notOverdue,
        eb.or([
          eb(status, '=', 'submitted'),
          eb.and([eb('problems.kind', '!=', 'long_term'), eb(due, '<=', yellowUntil)]),
        ]),
      ]);
    case 'blue':
      return eb.and([eb(status, 'not in', ['closed', 'submitted']), notOverdue, eb('problems.kind', '=', 'long_term')]);
    case 'none':
      return eb.and([
        eb(status, 'not in', ['closed', 'submitted']),
        eb('problems.kind', '!=', 'long_term'),
        eb.or([eb(due, 'is', null), eb(due, '>', yellowUntil)]),
      ]);
  }
  return sql<SqlBool>`1 = 0`;
}
