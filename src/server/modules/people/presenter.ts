import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { personPolicy } from './policy.ts';
import type { PersonRow } from './repository.ts';

/** A person as the API shows them, with what the caller may do. */
export function presentPerson(actor: Actor, p: PersonRow) {
  return {
    id: p.id,
    orgId: p.orgId,
    orgName: p.orgName,
    name: p.name,
    gender: p.gender,
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

/** The fields an audit snapshot keeps. */
export function personSnapshot(
  p: Pick<
    PersonRow,
    'name' | 'orgName' | 'position' | 'isPartyMember' | 'leadershipLevel' | 'phone' | 'gender' | 'active'
  >,
) {
  return {
    name: p.name,
    orgName: p.orgName,
    position: p.position,
    isPartyMember: p.isPartyMember,
    leadershipLevel: p.leadershipLevel,
    phone: p.phone,
    gender: p.gender,
    active: p.active,
  };
}
