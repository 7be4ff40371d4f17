import { hasRole, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

export interface BulletinSubject {
  orgPath: string;
  status: string;
}

const edits = (actor: Parameters<typeof hasRole>[0], b: BulletinSubject) =>
  hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, b.orgPath);

/** The office compiles and edits a draft and issues (签发) it; an issued bulletin is frozen. */
export const bulletinPolicy: Policy<BulletinSubject> = {
  update: (actor, b) => edits(actor, b) && b.status === 'draft',
  issue: (actor, b) => edits(actor, b) && b.status === 'draft',
};

/** Who may flag a record as 亮点 / 示范点 / 优秀做法. */
export const mayFlag = (actor: Parameters<typeof hasRole>[0]) =>
  hasRole(actor, 'admin', 'office', 'secretary', 'officer');
