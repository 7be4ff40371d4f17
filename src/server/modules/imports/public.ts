/** What other modules may use from the imports module: the ledger definition types and the registry. */
export type {
  Ambiguity,
  CheckInput,
  CheckResult,
  ImportCellError,
  LedgerDefinition,
  LedgerKey,
  Resolution,
} from './definition.ts';
export { registerLedger } from './registry.ts';
