/**
 * The importable ledgers, by key. Each owning module registers its definition from its own file (problems:
 * rectification-ledger.ts) and modules/routes.ts imports those files once, so the imports module never
 * imports the modules whose tables the ledgers write.
 */
import type { LedgerDefinition, LedgerKey } from './definition.ts';

const ledgers = new Map<LedgerKey, LedgerDefinition>();

/** Registers a ledger; a key registered twice is a programming error. */
export function registerLedger<Checked>(definition: LedgerDefinition<Checked>): void {
  if (ledgers.has(definition.key)) throw new Error(`ledger registered twice: ${definition.key}`);
  ledgers.set(definition.key, definition as LedgerDefinition);
}

/** The definition of a ledger, or undefined when no module registered it. */
export function ledgerDefinition(key: string): LedgerDefinition | undefined {
  return ledgers.get(key as LedgerKey);
}

/** Every registered ledger key, in registration order. */
export function registeredLedgers(): LedgerKey[] {
  return [...ledgers.keys()];
}
