import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { personPolicy } from './policy.ts';
import type { PersonRow } from './repository.ts';

/** The public shape of a person, with what the caller may do to them. */
export function presentPerson(actor: Actor, p: PersonRow) {
  return {
    id: p.id,
    orgId: p.orgId,
    orgName: p.orgName,
    name: p.name,
    gender: p.gender as 'male' | 'female' | null,
    position: p.position,
    isPartyMember: p.isPartyMember === 1,
    leadershipLevel: p.leadershipLevel,
    phone: p.phone,
    active: p.active === 1,
    userId: p.userId ?? null,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    abilities: abilitiesOf(personPolicy, actor, p),
  };
}
