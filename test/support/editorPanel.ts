// What the editor's panel shows for some parameter values: n8n's own display rules (displayParameter)
// applied in the description's order, each shown parameter at its default unless the values set it.
import {
	NodeHelpers,
	type INodeParameters,
	type INodeProperties,
	type INodeTypeDescription,
} from 'n8n-workflow';

export function shownParameters(
	description: INodeTypeDescription,
	values: INodeParameters,
	typeVersion: number,
): INodeProperties[] {
	const settled: INodeParameters = { ...values };
	let shown: INodeProperties[] = [];
	// A second pass: a parameter may depend on one further down (its default is known after the first).
	for (let pass = 0; pass < 2; pass++) {
		shown = description.properties.filter((property) =>
			NodeHelpers.displayParameter(settled, property, { typeVersion }, description),
		);
		for (const property of shown)
			if (!(property.name in settled)) settled[property.name] = property.default;
	}
	return shown;
}

/** Every resource and operation of a resource/operation node, as n8n's picker offers them. */
export function operationsOf(
	description: INodeTypeDescription,
	typeVersion: number,
): Array<{ resource: string; operation: string }> {
	const resources = (description.properties.find((property) => property.name === 'resource')
		?.options ?? []) as Array<{ value: string }>;
	return resources.flatMap(({ value: resource }) => {
		const picker = shownParameters(description, { resource }, typeVersion).find(
			(property) => property.name === 'operation',
		);
		return ((picker?.options ?? []) as Array<{ value: string }>).map(({ value: operation }) => ({
			resource,
			operation,
		}));
	});
}
