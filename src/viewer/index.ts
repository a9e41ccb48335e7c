export * from './viewer-port.js';
export * from './presets.js';
export * from './image-ids.js';
export * from './image-loader.js';
export * from './cornerstone-viewer.js';
export * from './bind-viewer.js';
