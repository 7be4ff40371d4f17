import { notFound, outOfScope } from '../errors.ts';

/**
 * For writes: the record loaded inside the caller's scope, else 403 when it exists outside the scope,
 * else 404. (Reads simply use the scoped load and answer 404.)
 */
export async function requireWritable<T>(
  inScope: T | undefined,
  existsAnywhere: () => Promise<unknown>,
  what: string,
): Promise<T> {
  if (inScope) return inScope;
  if (await existsAnywhere()) throw outOfScope();
  throw notFound(what);
}
