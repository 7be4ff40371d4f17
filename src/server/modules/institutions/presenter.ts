import type { Actor } from '../../auth/actor.ts';
import { institutionAbilities } from './policy.ts';
import type { InstitutionRow, linkedProblems } from './repository.ts';
import { INSTITUTION_ACTIONS, INSTITUTION_STATUSES, type InstitutionStatus } from './lifecycle.ts';

type Linked = Awaited<ReturnType<typeof linkedProblems>>;
/** An institution as the API shows it: labels in words, the problems it answers, what the caller may do. */
export const presentInstitution = (actor: Actor, i: InstitutionRow, links: Linked) => {
  const { orgPath, createdAt, updatedAt, ...rest } = i;
  return {
    ...rest,
    actionLabel: INSTITUTION_ACTIONS[i.action as keyof typeof INSTITUTION_ACTIONS] ?? i.action,
    statusLabel: INSTITUTION_STATUSES[i.status as InstitutionStatus] ?? i.status,
    problems: links.filter((l) => l.institutionId === i.id).map(({ id, title, status }) => ({ id, title, status })),
    abilities: institutionAbilities(actor, i),
  };
};
