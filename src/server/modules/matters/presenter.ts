/** A matter as staff see it: owner's name, status label, derived overdue and colour, its latest progress notes. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { addDays, today } from '../../clock.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { MATTER_STATUSES, type MatterStatus } from '../../../shared/demand-enums.ts';
import { matterPolicy } from './policy.ts';
import { ownerNames, progressOf, type MatterRow } from './repository.ts';
import { matterColour } from './lifecycle.ts';

/** Progress notes kept per matter in a response (newest first). */
export const PROGRESS_SHOWN = 50;

/** Rows for the list, the detail and the 民生实事清单 export alike. */
export async function presentMatters(db: Kysely<Database>, actor: Actor, rows: MatterRow[]) {
  const [notes, owners] = await Promise.all([
    progressOf(
      db,
      rows.map((r) => r.id),
    ),
    ownerNames(
      db,
      rows.map((r) => r.ownerId),
    ),
  ]);
  const names = new Map(owners.map((o) => [o.id, o.name]));
  const t = today();
  const yellowUntil = addDays(t, 7);
  return rows.map(({ orgPath, ...m }) => ({
    ...m,
    ownerName: m.ownerId === null ? null : (names.get(m.ownerId) ?? null),
    statusLabel: MATTER_STATUSES[m.status as MatterStatus] ?? m.status,
    published: !!m.published,
    overdue: m.status !== 'done' && m.dueDate < t,
    colour: matterColour(m, t, yellowUntil),
    progress: notes
      .filter((n) => n.matterId === m.id)
      .slice(0, PROGRESS_SHOWN)
      .map(({ matterId, ...n }) => n),
    abilities: abilitiesOf(matterPolicy, actor, { orgPath, status: m.status }),
  }));
}
