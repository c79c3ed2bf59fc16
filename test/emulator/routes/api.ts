// Every /2.0 route the emulator answers.
import type { Route } from '../context';
import { attachmentRoutes } from './attachments';
import { revokeEndpoint, tokenEndpoint } from './oauth';
import { rowRoutes } from './rows';
import { sheetRoutes } from './sheets';
import { userRoutes } from './users';

export const apiRoutes: Route[] = [
	{ method: 'POST', path: '/2.0/token', scope: 'none', handler: tokenEndpoint },
	{ method: 'DELETE', path: '/2.0/token', scope: null, handler: revokeEndpoint },
	...userRoutes,
	...sheetRoutes,
	...rowRoutes,
	...attachmentRoutes,
];
