/**
 * Values read on nearly every request (a session, a campaign's warning days) kept for a moment, one cache per
 * database handle. The writer that changes such a value drops it once its transaction has committed; another
 * app node's write is seen within the time-to-live. A load that raced a drop is not kept.
 */
export class ShortCache<K, V> {
  readonly #ttlMs: number;
  #entries = new Map<K, { value: V; at: number }>();
  #generation = 0;

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  async get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit && Date.now() - hit.at < this.#ttlMs) return hit.value;
    const generation = this.#generation;
    const value = await load();
    if (generation === this.#generation) this.#entries.set(key, { value, at: Date.now() });
    return value;
  }

  /** Replaces a kept value (the caller just wrote it). */
  set(key: K, value: V): void {
    this.#entries.set(key, { value, at: Date.now() });
  }

  delete(key: K): void {
    this.#generation++;
    this.#entries.delete(key);
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

/** One ShortCache per database handle (each app instance, each test's database), made on first use. */
export function shortCachePerDb<K, V>(ttlMs: number) {
  const caches = new WeakMap<object, ShortCache<K, V>>();
  return (db: object): ShortCache<K, V> => {
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = new ShortCache<K, V>(ttlMs)));
    return cache;
  };
}
