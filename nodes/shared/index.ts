// The one door into the API layer the Smartsheet node and its three triggers share. Node folders
// import shared code only from here; inside this folder modules import each other directly, and
// only `transport/index.ts` is imported from outside `transport/`.
// First: an n8n too old for the package stops here with a message naming the minimum version.
export * from './supportedN8n';
export * from './transport';
export * from './credentialChoice';
export * from './descriptions/common.descriptions';
export * from './descriptions/locators';
export * from './descriptions/sheetId';
export * from './helpers/batchWriter';
export * from './helpers/bulkRows';
export * from './helpers/createOnce';
export * from './helpers/interfaces';
export * from './helpers/pager';
export * from './helpers/perItem';
export * from './helpers/reportPages';
export { currentRows, holdsCells } from './helpers/rowReadBack';
export * from './helpers/settings';
export * from './helpers/sheetSchema';
export * from './helpers/webhooks';
export * from './methods';
export * from './methods/listSearch';
export * from './methods/loadOptions';
export * from './methods/mapperFields';
export * from './trigger/client';
export * from './trigger/polling';
export * from './trigger/rows';
export * from './trigger/watermark';
