// Every /2.0 route the emulator answers, one module per resource. Order matters where a literal
// segment and a parameter compete (/users/me before /users/{userId}).
import type { Route } from '../context';
import { attachmentRoutes } from './attachments';
import { columnRoutes } from './columns';
import { revokeEndpoint, tokenEndpoint } from './oauth';
import { rowRoutes } from './rows';
import { sheetRoutes } from './sheets';
import { userRoutes } from './users';
import { webhookRoutes } from './webhooks';

export const apiRoutes: Route[] = [
	{ method: 'POST', path: '/2.0/token', scope: 'none', handler: tokenEndpoint },
	{ method: 'DELETE', path: '/2.0/token', scope: null, handler: revokeEndpoint },
	...userRoutes,
	...sheetRoutes,
	...columnRoutes,
	...rowRoutes,
	...attachmentRoutes,
	...webhookRoutes,
];
