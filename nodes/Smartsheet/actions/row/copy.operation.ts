import { transferOperation } from './transferRows';

/** Copies the row each item names to another sheet; outputs its new ID there. */
export const { description, execute } = transferOperation('copy');
