/** Public face of input/: keys and pointer become intents; one path for keys and buttons. */
export * from './keymap.js';
export * from './key-press.js';
export * from './module-intents.js';
export * from './intents.js';
export * from './keyboard.js';
export * from './files.js';
export * from './drill-files.js';
export * from './training-intents.js';
export * from './pick.js';
export * from './viewer-keys.js';
