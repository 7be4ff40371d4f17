/** A matter as staff see it: owner's name, status label, derived overdue and colour, its latest progress notes. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { addDays, today } from '../../clock.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { MATTER_STATUSES, type MatterStatus } from '../../../shared/demand-enums.ts';
import { matterPolicy } from './policy.ts';
import { latestProgress, ownerNames, type MatterRow } from './repository.ts';
import { matterColour } from './lifecycle.ts';
import { PROGRESS_SHOWN } from '../../../shared/views/matters.ts';

/** Rows for the list, the detail and the 民生实事清单 export alike. */
export async function presentMatters(db: Kysely<Database>, actor: Actor, rows: MatterRow[]) {
  const [notes, owners] = await Promise.all([
    latestProgress(
      db,
      rows.map((r) => r.id),
      PROGRESS_SHOWN,
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
    ...progressOf(notes, m.id),
    abilities: abilitiesOf(matterPolicy, actor, { orgPath, status: m.status }),
  }));
}

/** One matter's shown notes and its total, from latestProgress's rows. */
export function progressOf<N extends { matterId: number; total: number }>(notes: N[], matterId: number) {
  const mine = notes.filter((n) => n.matterId === matterId);
  return {
    progress: mine.map(({ matterId: _m, total: _t, ...n }) => n),
    progressTotal: mine[0]?.total ?? 0,
  };
}
