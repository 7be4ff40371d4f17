/** What other modules may use from the users module. */
export { userPolicy } from './policy.ts';
