// Every /2.0 route the emulator answers, one module per resource. Order matters where a literal
// segment and a parameter compete (/users/me before /users/{userId}).
import type { Route } from '../context';
import { attachmentRoutes } from './attachments';
import { cellHistoryRoutes } from './cellHistory';
import { columnRoutes } from './columns';
import { discussionRoutes } from './discussions';
import { revokeEndpoint, tokenEndpoint } from './oauth';
import { pathRoutes } from './paths';
import { reportRoutes } from './reports';
import { reportWriteRoutes } from './reportWrites';
import { rowRoutes } from './rows';
import { searchRoutes } from './search';
import { shareRoutes } from './shares';
import { summaryRoutes } from './summary';
import { rowTransferRoutes } from './rowTransfer';
import { sheetCopyRoutes } from './sheetCopy';
import { sheetRoutes } from './sheets';
import { userRoutes } from './users';
import { workspaceRoutes } from './workspaces';
import { webhookRoutes } from './webhooks';

export const apiRoutes: Route[] = [
	{ method: 'POST', path: '/2.0/token', scope: 'none', handler: tokenEndpoint },
	{ method: 'DELETE', path: '/2.0/token', scope: null, handler: revokeEndpoint },
	...userRoutes,
	...sheetRoutes,
	...columnRoutes,
	...sheetCopyRoutes,
	...rowTransferRoutes, // before rows/{rowId}: the first template a path matches names it in stats
	...rowRoutes,
	...attachmentRoutes,
	...reportRoutes,
	...reportWriteRoutes,
	...pathRoutes,
	...workspaceRoutes,
	...searchRoutes,
	...cellHistoryRoutes,
	...discussionRoutes,
	...webhookRoutes,
	...shareRoutes,
	...summaryRoutes,
];
