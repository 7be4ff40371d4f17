import { isAdmin, type Policy } from '../../policies/engine.ts';

/** Only the administrator corrects the official calendar: every deadline in working days follows it. */
export const calendarPolicy: Policy<null> = { manage: (actor) => isAdmin(actor) };
