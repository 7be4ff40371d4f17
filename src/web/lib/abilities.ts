/**
 * Every record from the API carries `abilities` — the actions the caller may take on it, decided by the
 * server's policies. The UI only hides what is not allowed; the server still refuses it.
 */
export type Abilities = Record<string, boolean | undefined>;

/** True when the record says the caller may take the action. */
export function can(record: { abilities?: Abilities } | null | undefined, action: string): boolean {
  return !!record?.abilities?.[action];
}

/** True when the caller may take at least one of the actions (e.g. to decide whether to show a menu). */
export function canAny(record: { abilities?: Abilities } | null | undefined, ...actions: string[]): boolean {
  return actions.some((a) => can(record, a));
}
