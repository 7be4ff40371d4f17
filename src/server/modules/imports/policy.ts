/**
 * Who may do what with imports: a ledger says which roles may import it (its definition's mayImport, asked
 * before a byte of the file is read, and again at edit and confirm in case a role was taken away since); a
 * preview is only its owner's — the repository finds none of anyone else's (404).
 */
import type { Actor } from '../../auth/actor.ts';
import { importForbidden, notFound } from '../../errors.ts';
import type { LedgerDefinition } from './definition.ts';
import { ledgerDefinition } from './registry.ts';

/** The ledger by key, or 404 when no module registered it. */
export function requireLedger(key: string): LedgerDefinition {
  const definition = ledgerDefinition(key);
  if (!definition) throw notFound('可导入的台账');
  return definition;
}

/** 403 unless the actor may import the ledger. */
export function requireImporter(actor: Actor, definition: LedgerDefinition): void {
  if (!definition.mayImport(actor)) throw importForbidden();
}
