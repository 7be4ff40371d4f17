import { isAdmin, type Policy } from '../../policies/engine.ts';

/** Accounts, grants and tokens are the admin's alone: they decide what everyone else may see. */
export const userPolicy: Policy<unknown> = {
  read: (actor) => isAdmin(actor),
  update: (actor) => isAdmin(actor),
  resetPassword: (actor) => isAdmin(actor),
  grant: (actor) => isAdmin(actor),
  manageTokens: (actor) => isAdmin(actor),
};
