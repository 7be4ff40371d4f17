import { isAdmin, type Policy } from '../../policies/engine.ts';

/** Accounts, roles and tokens are the admin's business alone. */
export const userPolicy: Policy<unknown> = {
  read: (actor) => isAdmin(actor),
  update: (actor) => isAdmin(actor),
  grant: (actor) => isAdmin(actor),
  resetPassword: (actor) => isAdmin(actor),
  manageTokens: (actor) => isAdmin(actor),
};
