import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { EXEMPLAR_STATUSES, type ExemplarStatus } from '../../../shared/check-enums.ts';
import { exemplarPolicy } from './policy.ts';
import type { ExemplarRow } from './repository.ts';

type Objection = {
  id: number;
  exemplarId: number;
  text: string;
  result: string | null;
  upheld: number | null;
  createdAt: string;
  handledAt: string | null;
};

/** An exemplar with its 公示 objections and what the caller may do. */
export function presentExemplar(actor: Actor, e: ExemplarRow, objections: Objection[]) {
  const { orgPath, levelOrgPath, createdBy, ...rest } = e;
  return {
    ...rest,
    statusLabel: EXEMPLAR_STATUSES[e.status as ExemplarStatus] ?? e.status,
    objections: objections
      .filter((o) => o.exemplarId === e.id)
      .map(({ exemplarId, upheld, ...o }) => ({ ...o, upheld: upheld === null ? null : upheld === 1 })),
    abilities: abilitiesOf(exemplarPolicy, actor, e),
  };
}
