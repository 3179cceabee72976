// The workbook import engine: see docs/decisions/008-workbook-import.md.
export { applyWorkbook, checkWorkbook, IMPORT_TRANSACTION_TIMEOUT_SECONDS } from './engine';
export { buildTemplate } from './template';
export { formatProblem, MAX_LISTED_PROBLEMS } from './problems';
export { tooLargeMessage } from './sources';
export * from './types';
