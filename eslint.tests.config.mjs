// Lint for what never ships to n8n: tests, the emulator, benchmarks and scripts. They run on
// Node (node:test, timers, process), which the community-node rules forbid in node code.
// `npm run lint` runs ESLint with config lookup from each file's folder, so test/, bench/ and
// scripts/ use this file (through their own eslint.config.mjs) while the root eslint.config.mjs
// stays n8n's template, as `n8n-node lint` in strict mode requires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config({
	files: ['**/*.ts'],
	extends: [js.configs.recommended, tseslint.configs.recommended],
	rules: {
		'@typescript-eslint/no-explicit-any': 'off',
		// `_name` marks a value dropped on purpose by a destructuring rest.
		'@typescript-eslint/no-unused-vars': [
			'error',
			{ varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true },
		],
	},
});
