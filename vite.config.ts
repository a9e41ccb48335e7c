import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLogger, type Logger, type Plugin } from 'vite';
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

/**
 * Writes game-files.json, the list of every file of the build, beside index.html: the browser's module screen
 * (app/module-builder.ts) fetches the game through it to package a CME module without the command line.
 */
function gameFileList(): Plugin {
  return {
    name: 'game-file-list',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir;
      if (!dir) return;
      const files: string[] = [];
      const walk = (d: string): void => {
        for (const name of readdirSync(d)) {
          const p = join(d, name);
          if (statSync(p).isDirectory()) walk(p);
          else files.push(relative(dir, p).split('\\').join('/'));
        }
      };
      walk(dir);
      writeFileSync(join(dir, 'game-files.json'), `${JSON.stringify(files.filter((f) => f !== 'game-files.json').sort(), null, 1)}\n`);
    },
  };
}

/**
 * A training session may send its answers to an institution's Learning Record Store (README, "Running a training
 * session"). The page's Content-Security-Policy lets it reach only its own origin; a copy built with
 * LRS_ORIGINS="https://lrs.example.org" (origins separated by spaces or commas) may reach those too, and no other.
 */
function lrsOrigins(): Plugin {
  const origins = (process.env.LRS_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean);
  for (const o of origins) {
    if (!/^https?:\/\/[A-Za-z0-9.[\]:*-]+$/.test(o)) throw new Error(`LRS_ORIGINS: "${o}" is not an origin; write e.g. https://lrs.example.org`);
  }
  return {
    name: 'lrs-origins',
    transformIndexHtml: (html) => (origins.length === 0 ? html : html.replace("connect-src 'self'", `connect-src 'self' ${origins.join(' ')}`)),
  };
}

/**
 * Unit tests that are slow (the forgery corpus and visibility measures, real films from ../shared, the command lines
 * and pack builds that write files): their own projects, outside `test:fast`.
 */
const SLOW_UNIT = [
  'tests/unit/forgery/**/*.test.ts',
  'tests/unit/cli/**/*.test.ts',
  'tests/unit/authoring/build/**/*.test.ts',
  'tests/unit/decks/generate-case.test.ts',
  'tests/unit/**/*real*.test.ts',
];

// The game's own modules have no side effects on import (state is made by functions), so what a page or worker does not
// use of a folder's index is left out of its chunk; packages keep their own declarations. The entry scripts run.
const GAME_TREESHAKE = { moduleSideEffects: (id: string) => !/[\\/]src[\\/].*\.ts$/.test(id) || /[\\/]src[\\/](main|boot)\.ts$/.test(id) || /\.worker\.ts$/.test(id) };

/** The code-splitting groups below, whose chunk names say what they hold. */
const NAMED_CHUNKS = new Set(['phaser', 'cornerstone', 'pdf', 'lms-clients', 'vendor']);

// One config for the dev server, the build and the test runner (the design card wants no extra top-level files).
export default defineConfig({
  base: './',
  publicDir: 'assets',
  plugins: [gameFileList(), lrsOrigins()],
  build: {
    sourcemap: process.env.SOURCEMAP === '1',
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      treeshake: GAME_TREESHAKE,
      output: {
        // A chunk only shared by other chunks is named for that, not after whichever module rolldown picks (a chunk of
        // the title screen's code once came out as "module-*.js", as if the CME module's code had loaded).
        chunkFileNames: (chunk) => (chunk.isEntry || chunk.isDynamicEntry || NAMED_CHUNKS.has(chunk.name) ? 'assets/[name]-[hash].js' : 'assets/shared-[hash].js'),
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser/ },
            { name: 'cornerstone', test: /node_modules[\\/](cornerstone-core|dicom-parser)/ },
            // Loaded only when needed: the certificate's PDF library (with its own pako 1 inside its folders; the served
            // PNG encoder's pako 3 is not part of it), and the LMS clients of a CME module.
            { name: 'pdf', test: /node_modules[\\/](pdf-lib|@pdf-lib|@fontsource)[\\/]/ },
            { name: 'lms-clients', test: /node_modules[\\/](@xapi|axios|uuid|deepmerge)[\\/]/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  // Workers are bundled apart and do not inherit build.rolldownOptions: without the same rule a worker carries every
  // module of each folder index it touches.
  worker: { format: 'es', rolldownOptions: { treeshake: GAME_TREESHAKE } },
  customLogger: quietCodecLogger(),
  server: { host: '127.0.0.1' },
  test: {
    // Projects by cost, so a developer gets feedback in minutes (`npm run test:fast`) and `npm test` runs them all.
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          exclude: [...SLOW_UNIT],
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
        test: { name: 'forgery', environment: 'node', include: ['tests/unit/forgery/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: SLOW_UNIT.filter((g) => !g.startsWith('tests/unit/forgery')),
          testTimeout: 120_000,
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
