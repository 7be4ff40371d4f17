import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FULL_SCOPE } from '../../db/scope.ts';
import { ROLES } from '../../../shared/roles.ts';
import type { Actor } from '../../auth/actor.ts';
import { problemPolicy, type ProblemSubject } from './policy.ts';

const actorOf = (userId: number, roles: Actor['roles']): Actor => ({
  userId,
  username: `u${userId}`,
  displayName: '测试',
  personId: null,
  orgId: null,
  orgPath: null,
  roles,
  grants: [],
  scope: FULL_SCOPE,
});

const subject = (submittedBy: number | null): ProblemSubject => ({
  orgPath: '1.',
  status: 'submitted',
  personId: null,
  submittedBy,
});

describe('problemPolicy: separation of duties', () => {
  it('never lets whoever submitted a 销号 request approve or return it, whatever their roles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.subarray([...ROLES], { minLength: 1 }), (userId, roles) => {
        const actor = actorOf(userId, roles);
        expect(problemPolicy.approve(actor, subject(userId))).toBe(false);
        expect(problemPolicy.reject(actor, subject(userId))).toBe(false);
      }),
    );
  });

  it('lets any other reviewer decide, and a request from before submitters were recorded too', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('admin', 'office', 'secretary'),
        (userId, role) => {
          const actor = actorOf(userId, [role]);
          expect(problemPolicy.approve(actor, subject(userId + 1))).toBe(true);
          expect(problemPolicy.approve(actor, subject(null))).toBe(true);
        },
      ),
    );
  });
});
