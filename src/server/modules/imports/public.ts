/** What other modules may use from the imports module: the definition types and the registry. */
export type {
  Ambiguity,
  CheckInput,
  CheckResult,
  ImportCellError,
  LedgerDefinition,
  LedgerKey,
  Resolution,
} from './definition.ts';
export { registerLedger, ledgerDefinition } from './registry.ts';
export { yieldToLoop } from './pipeline.ts';
