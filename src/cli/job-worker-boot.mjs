// Entry of a pack worker thread: the sources are TypeScript, so tsx is registered first (as `node --import tsx`
// does for the main program; a worker does not always inherit that), then the worker proper is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./job-worker.ts');
