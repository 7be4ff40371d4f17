import type { Expression, SqlBool } from 'kysely';
import { latinQuery } from '../lib/pinyin.ts';
import type { AnyExpressionBuilder } from './untyped.ts';

/**
 * Matches a record's name the way people search for it: Latin letters are a prefix of the full pinyin or
 * of the initials ("zsw" → 张三维; both index ranges), anything else is contained in the Chinese name.
 * `table` names a table with id, name, name_pinyin and name_initials columns.
 *
 * The pinyin match is written as `id IN (initials range UNION ALL pinyin range)`: as a plain OR next to the
 * caller's scope (a range on the unit path), SQLite walked the whole scope — every person of a city — and
 * tested each name; this form starts from the two name indexes, a few hundred rows.
 */
export function nameMatches(table: string, q: string): (eb: AnyExpressionBuilder) => Expression<SqlBool> {
  const text = q.trim();
  const latin = latinQuery(text);
  return (eb) => {
    if (!latin) return eb(eb.ref(`${table}.name`), 'like', `%${text.replace(/[%_\\]/g, '')}%`);
    const prefix = (column: string) =>
      eb
        .selectFrom(`${table} as nameMatch`)
        .select('nameMatch.id')
        .where(`nameMatch.${column}`, '>=', latin)
        .where(`nameMatch.${column}`, '<', `${latin}{`);
    return eb(eb.ref(`${table}.id`), 'in', prefix('nameInitials').unionAll(prefix('namePinyin')));
  };
}
