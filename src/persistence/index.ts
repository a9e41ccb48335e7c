export * from './session-repository.js';
export * from './idb-session-repository.js';
export * from './pack-repository.js';
export { forgetTrainerDb, type StoredPackFile, type StoredPackRecord } from './db.js';
export * from './settings-storage.js';
export * from './reader-key-store.js';
export * from './training-db.js';
