import { createLogger, type Logger } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The emscripten codecs (@cornerstonejs/codec-*) mention Node's fs and path in a branch that never runs in a
 * browser; Vite stubs them and says so on every build. Only that notice is dropped.
 */
function quietCodecLogger(): Logger {
  // A custom logger replaces Vite's own, so it must honour --logLevel itself.
  const i = process.argv.indexOf('--logLevel');
  const level = (i >= 0 ? process.argv[i + 1] : undefined) as 'info' | 'warn' | 'error' | 'silent' | undefined;
  const logger = createLogger(level ?? 'info');
  const isCodecNotice = (msg: string): boolean => /externalized for browser compatibility/.test(msg) && /@cornerstonejs[\\/]codec-/.test(msg);
  const { warn, warnOnce } = logger;
  logger.warn = (msg, opts) => (isCodecNotice(msg) ? undefined : warn(msg, opts));
  logger.warnOnce = (msg, opts) => (isCodecNotice(msg) ? undefined : warnOnce(msg, opts));
  return logger;
}

// One config for the dev server, the build and the test runner (the design card wants no extra top-level files).
export default defineConfig({
  base: './',
  publicDir: 'assets',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser/ },
            { name: 'cornerstone', test: /node_modules[\\/](cornerstone-core|dicom-parser)/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  customLogger: quietCodecLogger(),
  server: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // Heavy checks of the simulator against the real films in ../shared/xray and of the demo deck as a whole
        // (minutes, not seconds): `npx vitest run --project realism`.
        extends: true,
        test: {
          name: 'realism',
          environment: 'node',
          include: ['tests/realism/**/*.test.ts'],
          testTimeout: 1_200_000,
          hookTimeout: 1_200_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
