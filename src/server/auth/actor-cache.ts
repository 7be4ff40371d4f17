import type { Db } from '../db/connection.ts';
import { loadActor, type Actor } from './actor.ts';

/**
 * Actors cached per user for a moment: loading one costs a few queries on every request, and reads far
 * outnumber writes. Every command that changes who may see what — grants, an account's person, a person's
 * unit, unit paths, 分管, supervision groups — calls actorsChanged once its transaction has committed (so a
 * new module cannot forget a URL prefix); another app node's write is seen within TTL_MS. A load that raced a write is not cached.
 */
const TTL_MS = 2000;

export class ActorCache {
  #entries = new Map<number, { actor: Actor; at: number }>();
  #generation = 0;

  async get(db: Db, userId: number): Promise<Actor | null> {
    const hit = this.#entries.get(userId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.actor;
    const generation = this.#generation;
    const actor = await loadActor(db, userId);
    if (actor && generation === this.#generation) this.#entries.set(userId, { actor, at: Date.now() });
    else this.#entries.delete(userId);
    return actor;
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

const caches = new WeakMap<Db, ActorCache>();

/** The actor cache of an app's database (one per app instance). */
export function actorCacheFor(db: Db): ActorCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ActorCache()));
  return cache;
}

/** Forgets every cached actor: call after committing a change to grants, 分管, groups, units or people. */
export function actorsChanged(db: Db): void {
  caches.get(db)?.clear();
}

/** For `.then()` after a command's transaction: clears the cache once the change is committed. */
export const actorsChangedAfter =
  (db: Db) =>
  <T>(result: T): T => {
    actorsChanged(db);
    return result;
  };
