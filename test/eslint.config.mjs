// Tests, benchmarks and scripts share one lint config (see the file for why).
export { default } from '../eslint.tests.config.mjs';
