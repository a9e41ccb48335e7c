export * from './viewer-port.js';
export * from './presets.js';
export * from './image-loader.js';
export * from './cornerstone-viewer.js';
