import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { WarningKind } from '../../lib/warning-kind.ts';

/** Every threshold of the given kinds for a campaign: the stored value, else the kind's default. */
export async function thresholdValues(
  db: Kysely<Database>,
  campaignId: number | undefined,
  kinds: WarningKind[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const k of kinds) for (const t of k.thresholds ?? []) out[t.key] = t.default;
  if (!campaignId) return out;
  const rows = await db
    .selectFrom('warningThresholds')
    .select(['key', 'value'])
    .where('campaignId', '=', campaignId)
    .execute();
  for (const r of rows) if (r.key in out) out[r.key] = Number(r.value);
  return out;
}
