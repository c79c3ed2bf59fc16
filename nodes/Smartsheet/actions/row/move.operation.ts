import { transferOperation } from './transferRows';

/** Moves the row each item names to another sheet; outputs its new ID there. */
export const { description, execute } = transferOperation('move');
