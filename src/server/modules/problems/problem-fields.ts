import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalidField } from '../../errors.ts';
import { checkPeople } from './write-checks.ts';

export interface ProblemFields {
  title?: string;
  description?: string;
  source?: string;
  category?: string;
  rootCauses?: string[];
  rootCauseAnalysis?: string;
  kind?: string;
  personId?: number | null;
  specialItemId?: number | null;
}

export function columnsOf(input: ProblemFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    out[k] = k === 'rootCauses' ? JSON.stringify(v) : typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

export async function checkRefs(trx: Kysely<Database>, campaignId: number, input: ProblemFields): Promise<void> {
  await checkPeople(trx, [['personId', input.personId, '个人问题所属人员']]);
  if (input.specialItemId) {
    const item = await trx
      .selectFrom('specialItems')
      .select('id')
      .where('id', '=', input.specialItemId)
      .where('campaignId', '=', campaignId)
      .executeTakeFirst();
    if (!item) throw invalidField('specialItemId', '“专项整治”不存在或不属于该主题教育');
  }
}
