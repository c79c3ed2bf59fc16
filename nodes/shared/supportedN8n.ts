// Stops an n8n too old for this package at load time with a message instead of a bare TypeError.
// Every node's description uses NodeConnectionTypes, a runtime value only from n8n 1.85
// (n8n-workflow 1.83); before that it was a compile-time enum, undefined here.
import { NodeConnectionTypes } from 'n8n-workflow';

/** The oldest n8n release the package can load in; the README says which releases CI runs. */
export const MINIMUM_N8N_VERSION = '1.85.0';

/** Why this n8n cannot run the package, or undefined when it can. */
export function unsupportedN8nReason(connectionTypes: unknown): string | undefined {
	const main = (connectionTypes as { Main?: unknown } | undefined)?.Main;
	if (main === 'main') return undefined;
	return `n8n-nodes-smartsheet-resilient needs n8n ${MINIMUM_N8N_VERSION} or later: this n8n is older (its n8n-workflow has no NodeConnectionTypes). Update n8n, or uninstall the package.`;
}

const reason = unsupportedN8nReason(NodeConnectionTypes);
if (reason) throw new Error(reason);
