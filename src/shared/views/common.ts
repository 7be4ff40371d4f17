/** Pieces the response views share: what the caller may do with a record, and a value that may be null. */
import { Type, type TSchema } from 'typebox';

/** The actions the caller may take on the record, decided by the server's policies. */
export const Abilities = Type.Record(Type.String(), Type.Boolean());

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
