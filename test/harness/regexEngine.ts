// n8n-workflow runs the patterns it checks parameters with (resource locators) in a vm with a 250 ms
// wall-clock timeout, a guard against patterns users type. A busy machine can exceed that for a
// trivial pattern, and the run fails with "Regular expression execution timed out": the harness's
// patterns are the node's own, so it uses JavaScript's engine directly.
import { setSafeRegexEngine, type RegexEngine } from 'n8n-workflow';

const untimed: RegexEngine = {
	exec: (pattern, input, flags) => new RegExp(pattern, flags).exec(input),
	test: (pattern, input, flags) => new RegExp(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) =>
		input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern, input, flags) =>
		Array.from(
			input.matchAll(new RegExp(pattern, flags?.includes('g') ? flags : `${flags ?? ''}g`)),
		),
	split: (pattern, input, flags) => input.split(new RegExp(pattern, flags)),
};

export function useUntimedRegexEngine(): void {
	setSafeRegexEngine(untimed);
}
