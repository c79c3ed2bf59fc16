import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { binaryUpload } from '../../helpers/binaryUpload';
import {
	type ItemResult,
	perItem,
	type SmartsheetClient,
	type SmartsheetRequest,
} from '../../../shared';
import { jsonParameter } from '../../helpers/jsonParameter';
import { collect, offsetPages, tokenPages } from '../../helpers/paging';
import { apiPath, sheetOfPath, weightOfPath } from './apiPath';

const show = { resource: ['apiCall'], operation: ['send'] };
const WITH_BODY = ['POST', 'PUT', 'PATCH'];

export const description: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'httpMethod',
		type: 'options',
		options: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((method) => ({
			name: method,
			value: method,
		})),
		default: 'GET',
		displayOptions: { show },
	},
	{
		displayName: 'Path',
		name: 'apiPath',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/sheets/{sheetId}/summary',
		description:
			'Path under the API base of the credential (https://api.smartsheet.com/2.0 for US), e.g. /sheets/123/summary. Not a full URL: the token is only ever sent to Smartsheet. See https://developers.smartsheet.com/api/smartsheet/openapi.',
		displayOptions: { show },
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Parameter',
		displayOptions: { show },
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Body',
		name: 'bodyContent',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'JSON', value: 'json' },
			{
				name: 'Binary File',
				value: 'binary',
				description: 'The bytes of an input binary field, e.g. a CSV to import',
			},
		],
		default: 'json',
		displayOptions: { show: { ...show, httpMethod: WITH_BODY } },
	},
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		default: '{}',
		description: 'IDs may be written as numbers or strings; they are sent as exact numbers',
		displayOptions: { show: { ...show, httpMethod: WITH_BODY, bodyContent: ['json'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'Sent as the body with its MIME type and a Content-Disposition naming the file',
		displayOptions: { show: { ...show, httpMethod: WITH_BODY, bodyContent: ['binary'] } },
	},
	{
		displayName: 'Paging',
		name: 'paging',
		type: 'options',
		options: [
			{ name: 'None', value: 'none', description: 'One request; its answer is one item' },
			{
				name: 'Offset (Page, PageSize)',
				value: 'offset',
				description: 'Every page; one item per entry of "data"',
			},
			{
				name: 'Token (LastKey, MaxItems)',
				value: 'token',
				description: 'Every page; one item per entry of "data" or "items"',
			},
		],
		default: 'none',
		displayOptions: { show: { ...show, httpMethod: ['GET'] } },
	},
];

/**
 * Any Smartsheet endpoint through the same transport as every other operation: token refresh,
 * pacing, retries (a POST is never re-sent on an ambiguous answer) and the five outputs.
 */
export async function execute(
	this: IExecuteFunctions,
	client: SmartsheetClient,
	items: INodeExecutionData[],
	operation: string,
): Promise<ItemResult[]> {
	return await perItem(client, items, operation, async (item) => {
		const method = this.getNodeParameter('httpMethod', item) as IHttpRequestMethods;
		const { path, qs: pathQuery } = apiPath(String(this.getNodeParameter('apiPath', item)));
		const qs = { ...pathQuery, ...queryOf(this, item) };
		if (method === 'GET') {
			const paging = this.getNodeParameter('paging', item, 'none') as string;
			if (paging === 'offset')
				return await collect(offsetPages(client, path, operation, qs, weightOfPath(path)));
			if (paging === 'token') return await collect(tokenPages(client, path, operation, qs));
		}
		const request: SmartsheetRequest = {
			method,
			path,
			qs,
			sheetId: sheetOfPath(path),
			weight: weightOfPath(path),
			operation,
		};
		const answer = await client.request({
			...request,
			...(await bodyOf(this, items, item, method)),
		});
		return asItemJson(answer);
	});
}

function queryOf(ctx: IExecuteFunctions, item: number): IDataObject {
	const parameters = ctx.getNodeParameter('queryParameters.parameter', item, []) as Array<{
		name: string;
		value: string;
	}>;
	return Object.fromEntries(
		parameters
			.filter((parameter) => parameter.name.trim())
			.map((parameter) => [parameter.name.trim(), parameter.value]),
	);
}

async function bodyOf(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	item: number,
	method: string,
): Promise<Pick<SmartsheetRequest, 'body' | 'upload'>> {
	if (!WITH_BODY.includes(method)) return {};
	const content = ctx.getNodeParameter('bodyContent', item, 'json') as string;
	if (content === 'json')
		return { body: jsonParameter(ctx.getNodeParameter('jsonBody', item, '{}'), 'The JSON body') };
	if (content !== 'binary') return {};
	const field = ctx.getNodeParameter('binaryPropertyName', item) as string;
	return { upload: (await binaryUpload(ctx, items, item, field)).upload };
}

function asItemJson(answer: unknown): IDataObject | IDataObject[] {
	if (answer === undefined || answer === null) return {};
	if (Array.isArray(answer))
		return answer.map((entry) =>
			entry !== null && typeof entry === 'object'
				? (entry as IDataObject)
				: { value: entry as IDataObject[string] },
		);
	if (typeof answer === 'object') return answer as IDataObject;
	return { value: answer as IDataObject[string] };
}
