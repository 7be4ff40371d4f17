import { CellErrors } from '../../io/cell-errors.ts';
import type { ImportCellError } from './definition.ts';

/** The errors as stored on the preview: the first of each column listed, all counted. */
export function boundedErrors(errors: ImportCellError[]) {
  const bounded = new CellErrors();
  for (const e of errors) bounded.push(e);
  return { errors: JSON.stringify(bounded.listed()), errorCount: errors.length };
}
