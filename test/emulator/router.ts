// Finds the route for a method and path. Templates name their parameters ({sheetId}); a template
// is also the request's key in stats.byRoute, so counters never hold concrete IDs.
import type { Route } from './context';
import { ApiError } from './errors';

interface CompiledRoute extends Route {
	pattern: RegExp;
	names: string[];
}

export interface Match {
	route: Route;
	params: Record<string, string>;
}

export class Router {
	private readonly routes: CompiledRoute[];

	constructor(routes: Route[]) {
		this.routes = routes.map((route) => ({ ...route, ...compile(route.path) }));
	}

	/** The route, or the Smartsheet error for a path nobody serves (1006) or a wrong method (1010). */
	match(method: string, path: string): Match {
		let pathKnown = false;
		for (const route of this.routes) {
			const found = route.pattern.exec(path);
			if (!found) continue;
			pathKnown = true;
			if (route.method !== method) continue;
			const params = Object.fromEntries(
				route.names.map((name, index) => [name, decodeSegment(found[index + 1])]),
			);
			return { route, params };
		}
		throw new ApiError(pathKnown ? 1010 : 1006);
	}

	/** The template a path belongs to (for counting requests that match no method). */
	template(path: string): string | undefined {
		return this.routes.find((route) => route.pattern.test(path))?.path;
	}
}

function compile(path: string): { pattern: RegExp; names: string[] } {
	const names: string[] = [];
	const source = path
		.split(/(\{\w+\})/)
		.map((part) => {
			const name = /^\{(\w+)\}$/.exec(part)?.[1];
			if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			names.push(name);
			return '([^/]+)';
		})
		.join('');
	return { pattern: new RegExp(`^${source}/?$`), names };
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
