import { childrenExecute, childrenFields } from '../workspace/children';

export const description = childrenFields('folder');

export const execute = childrenExecute('folder');
