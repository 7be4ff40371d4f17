import type { Db } from '../db/connection.ts';

/**
 * Demo records of the work-line modules, run after the org, people and campaigns exist. Each seeder finds
 * what it needs by querying the database (units by type, people by unit, the active campaign).
 */
export interface DemoSeeder {
  name: string;
  /** `dataDir` is where files go (evidence); absent when only the database is seeded. */
  seed(db: Db, options: { today: string; dataDir?: string }): Promise<void>;
}
