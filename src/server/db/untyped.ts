/**
 * The one place the server spells `any`: helpers that work over whichever table a caller names (a path
 * column, a versioned row, a batch insert). Kysely cannot type "some table that has this column", so these
 * take the untyped builder and the caller's own query keeps its types.
 */
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a helper over any table (see above)
type Untyped = any;

/** A Kysely instance whose tables are not known to the helper. */
export type AnyKysely = Kysely<Untyped>;
/** An expression builder over whichever tables the calling query has joined. */
export type AnyExpressionBuilder = ExpressionBuilder<Untyped, Untyped>;
/** A select over the given database from whichever tables the calling query has joined. */
export type SelectFromAny<DB, O> = SelectQueryBuilder<DB, Untyped, O>;
