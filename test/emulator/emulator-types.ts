// Types shared by the routes, re-exported in one place to keep imports short.
export type { Emulator } from './emulator';
export type { Column, Row, Sheet } from './state';
