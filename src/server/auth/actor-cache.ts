import type { Db } from '../db/connection.ts';
import { loadActor, type Actor } from './actor.ts';

/**
 * Actors cached per user for a moment: loading one costs a few queries on every request, and reads far
 * outnumber writes. A write through this process that can change an actor clears the cache (hook.ts lists
 * them); another app node's write is seen within TTL_MS. A load that raced a write is not cached.
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
