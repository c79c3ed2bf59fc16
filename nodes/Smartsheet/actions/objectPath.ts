// Get Path, shared by Sheet, Report and Folder: where an object lives, from its workspace down.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { type ItemResult, type Operation, perItem, type SmartsheetClient } from '../../shared';

const CHILD_LISTS = ['folders', 'sheets', 'reports', 'sights'];

/**
 * An operation that reads GET /{kind}/{id}/path and adds `pathNames` (workspace, folders, the
 * object) and `path` ("Workspace / Folder / Sheet") to Smartsheet's nested answer.
 */
export function pathOperation(
	kind: 'sheets' | 'reports' | 'folders',
	idOf: (ctx: IExecuteFunctions, item: number) => string,
): Operation {
	return {
		description: [],
		async execute(
			this: IExecuteFunctions,
			client: SmartsheetClient,
			items: INodeExecutionData[],
			operation: string,
		): Promise<ItemResult[]> {
			return await perItem(client, items, operation, async (item) => {
				const answer = await client.request<IDataObject>({
					method: 'GET',
					path: `/${kind}/${idOf(this, item)}/path`,
					operation,
				});
				const pathNames = namesAlong(answer);
				return { ...answer, pathNames, path: pathNames.join(' / ') };
			});
		},
	};
}

/** The names from the root down: each level holds one child list with the next step first. */
function namesAlong(root: IDataObject): string[] {
	const names: string[] = [];
	for (let node: IDataObject | undefined = root; node; ) {
		if (typeof node.name === 'string') names.push(node.name);
		const list = CHILD_LISTS.map((key) => node![key]).find(
			(value): value is IDataObject[] => Array.isArray(value) && value.length > 0,
		);
		node = list?.[0];
	}
	return names;
}
