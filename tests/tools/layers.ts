/**
 * The layer table of the architecture (shared/design/architecture.md): a folder of src/ may import only the folders
 * listed for it. tests/unit/architecture.test.ts checks every import against it, and `.biome.json` (generated from it
 * by `node --import tsx tests/tools/layers.ts --write`) makes `npm run lint` refuse a forbidden import in the editor.
 */
import { writeFileSync } from 'node:fs';

export const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  imaging: ['domain'],
  simulator: ['domain', 'imaging'],
  forgery: ['domain', 'imaging'],
  lenses: ['domain', 'imaging'],
  'pack-format': ['domain', 'imaging', 'forgery'],
  authoring: ['domain', 'imaging', 'forgery', 'pack-format'],
  decks: ['domain', 'imaging', 'simulator', 'forgery', 'pack-format'],
  store: ['domain'],
  // CME modules for LMSs: module definition, case selection, LMS adapters, manifests, certificate. A readiness drill
  // as an LMS module builds on delivery's drill machinery (the deck plan, counterbalanced order, result intake).
  lms: ['domain', 'pack-format', 'decks', 'delivery'],
  audio: ['domain'],
  persistence: ['domain', 'pack-format', 'store'],
  viewer: ['domain', 'imaging'],
  presenters: ['domain', 'lenses', 'store', 'viewer'],
  input: ['domain', 'lenses', 'store', 'authoring'],
  directors: ['domain', 'lenses', 'decks', 'store', 'audio', 'persistence', 'viewer', 'presenters'],
  // Sessions, result files and xAPI: plain TypeScript over WebCrypto and fetch, no DOM, no engines.
  delivery: ['domain', 'pack-format', 'decks'],
  app: ['domain', 'imaging', 'forgery', 'lenses', 'pack-format', 'authoring', 'decks', 'delivery', 'lms', 'store', 'audio', 'persistence', 'viewer', 'presenters', 'input', 'directors'],
  panels: ['domain', 'lenses', 'decks', 'store', 'presenters', 'input'],
  scenes: ['domain', 'store'],
  // The command-line tools run in Node only; nothing imports them.
  cli: ['domain', 'imaging', 'simulator', 'forgery', 'pack-format', 'authoring', 'decks', 'delivery', 'lms'],
};
/** Pure layers: no DOM, no engines; typechecked without the DOM lib (src/tsconfig.pure.json). */
export const PURE = new Set(['domain', 'imaging', 'simulator', 'forgery', 'lenses']);
/** Browser-only entry points inside a pure folder (they talk to Web Workers). */
export const BROWSER_ONLY = /(\.worker\.ts|-service\.ts)$/;
// zod for schemas; stdlib's distribution functions for the reader-study statistics (domain/study).
export const PURE_PACKAGES_ALLOWED = new Set(['zod', '@stdlib/stats-base-dists-f-cdf', '@stdlib/stats-base-dists-t-quantile', '@stdlib/stats-base-dists-chisquare-cdf']);
export const PACKAGE_OWNERS: Record<string, readonly string[]> = {
  phaser: ['scenes'],
  'lit-html': ['panels'],
  'cornerstone-core': ['viewer', 'main'],
  howler: ['audio'],
  zustand: ['store'],
  idb: ['persistence'],
  '@xapi/cmi5': ['lms'],
  'pdf-lib': ['lms'],
  '@pdf-lib/fontkit': ['lms'],
};


/** Biome's configuration: recommended lint rules, and per folder the imports of folders it may not use. */
export function biomeConfig(): Record<string, unknown> {
  const folders = Object.keys(ALLOWED);
  const overrides = folders.map((folder) => {
    const forbidden = folders.filter((f) => f !== folder && !(ALLOWED[folder] ?? []).includes(f));
    const packages = Object.entries(PACKAGE_OWNERS).filter(([, owners]) => !owners.includes(folder)).map(([p]) => p);
    return {
      includes: [`src/${folder}/**`],
      linter: {
        rules: {
          style: {
            noRestrictedImports: {
              level: 'error',
              options: {
                paths: Object.fromEntries(packages.map((p) => [p, `only ${PACKAGE_OWNERS[p]?.join(', ')} may import ${p}`])),
                patterns: forbidden.length === 0 ? [] : [{ group: forbidden.map((f) => `**/${f}/**`), message: `${folder}/ may import only ${(ALLOWED[folder] ?? []).join(', ') || 'nothing else in src'} (tests/tools/layers.ts)` }],
              },
            },
          },
        },
      },
    };
  });
  return {
    $schema: './node_modules/@biomejs/biome/configuration_schema.json',
    files: { includes: ['src/**/*.ts', 'src/**/*.css', 'tests/**/*.ts', 'vite.config.ts', '!tests/lrs/**', '!src/**/assembly/**', '!**/*.d.ts'] },
    formatter: { enabled: false },
    linter: {
      enabled: true,
      rules: {
        preset: 'recommended',
        // Records read from JSON are indexed with brackets on purpose: a typo is then a string, not a silent field.
        // Per-pixel clamps in hot loops are written as comparisons (`v > max ? max : v`), the same in every layer.
        complexity: { useLiteralKeys: 'off', useMathMinMax: 'off' },
        // `return store.action()` ends a case of the intent dispatcher; the value is void by type.
        correctness: { noVoidTypeReturn: 'off' },
        // Manifest and header text is cleaned of control and bidi characters by regular expressions that name them.
        // `subs.forEach((unsubscribe) => unsubscribe())` is how every director releases its subscriptions.
        // `let parsed; try { parsed = parse() } catch ...` is typed by TypeScript from its assignments (control-flow
        // analysis), and tsc's noImplicitAny checks it: it is not an implicit any.
        suspicious: { noControlCharactersInRegex: 'off', useIterableCallbackReturn: 'off', noImplicitAnyLet: 'off' },
      },
    },
    overrides: [
      ...overrides,
      // Published coefficients (Acklam's normal quantile) are written to the digits of their source.
      { includes: ['src/domain/metrics/normal-quantile.ts', 'tests/unit/domain/metrics/**'], linter: { rules: { correctness: { noPrecisionLoss: 'off' } } } },
      // Tests collect output with `(log += text)` callbacks and assert with non-null assertions on what they just made.
      // The stylesheets are ordered by component (buttons, top bar, case, dialogs), not by selector specificity, and
      // the print styles override the screen's with !important, as print styles must.
      { includes: ['src/**/*.css'], linter: { rules: { style: { noDescendingSpecificity: 'off' }, complexity: { noImportantStyles: 'off' } } } },
      { includes: ['tests/**'], linter: { rules: { style: { noNonNullAssertion: 'off' }, suspicious: { noAssignInExpressions: 'off', noExplicitAny: 'off' }, complexity: { noCommaOperator: 'off' } } } },
    ],
  };
}

if (process.argv.includes('--write')) writeFileSync('.biome.json', `${JSON.stringify(biomeConfig(), null, 2)}\n`);
