// Smartsheet's 17 OAuth scopes (SPEC-2024 securitySchemes). Personal access tokens have all.
export const ALL_SCOPES = [
	'ADMIN_SHEETS',
	'ADMIN_SIGHTS',
	'ADMIN_USERS',
	'ADMIN_WEBHOOKS',
	'ADMIN_WORKSPACES',
	'CREATE_SHEETS',
	'CREATE_SIGHTS',
	'DELETE_SHEETS',
	'DELETE_SIGHTS',
	'READ_CONTACTS',
	'READ_EVENTS',
	'READ_SHEETS',
	'READ_SIGHTS',
	'READ_USERS',
	'SHARE_SHEETS',
	'SHARE_SIGHTS',
	'WRITE_SHEETS',
];

const KNOWN = new Set(ALL_SCOPES);

export function isScope(name: string): boolean {
	return KNOWN.has(name);
}
