import type { Generated } from 'kysely';

export interface Open311Tables {
  /** Keys an admin issues to a platform that posts requests; only the SHA-256 of the key is kept. */
  open311Keys: {
    id: Generated<number>;
    name: string;
    keyHash: string;
    active: Generated<number>;
    createdBy: number | null;
    createdAt: string;
  };
}
