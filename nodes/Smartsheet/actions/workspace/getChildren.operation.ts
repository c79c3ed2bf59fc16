import { childrenExecute, childrenFields } from './children';

export const description = childrenFields('workspace');

export const execute = childrenExecute('workspace');
