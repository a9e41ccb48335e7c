import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

/**
 * Builds the game exactly as `npm run build` does (vite build) and serves dist/ on loopback for the browser tests.
 * The tests then drive that build in real headless Chromium.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let server: PreviewServer | null = null;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await build({ logLevel: 'warn', configFile: 'vite.config.ts' });
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn', configFile: 'vite.config.ts' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('global-setup: the preview server has no TCP address');
  project.provide('baseURL', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  };
}
