import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { latinQuery } from '../lib/pinyin.ts';

/**
 * Matches a record's name the way people search for it: Latin letters are a prefix of the full pinyin or
 * of the initials ("zsw" → 张三维; both index ranges), anything else is contained in the Chinese name.
 * `table` names a table with name, name_pinyin and name_initials columns.
 */
export function nameMatches(table: string, q: string): (eb: ExpressionBuilder<any, any>) => Expression<SqlBool> {
  const text = q.trim();
  const latin = latinQuery(text);
  return (eb) => {
    if (!latin) return eb(eb.ref(`${table}.name`), 'like', `%${text.replace(/[%_\\]/g, '')}%`);
    const prefix = (column: string) => eb.and([eb(eb.ref(`${table}.${column}`), '>=', latin), eb(eb.ref(`${table}.${column}`), '<', `${latin}{`)]);
    return eb.or([prefix('nameInitials'), prefix('namePinyin')]);
  };
}
