/**
 * @xapi/cmi5 1.4 names its ES build only in the legacy "module" field (no "main" or "exports"), which Node and
 * Vitest's SSR resolver do not read, and its "browser" field points at a UMD build. The code imports the ES build by
 * path; this gives that path the package's own types.
 */
declare module '@xapi/cmi5/dist/Cmi5.esm.js' {
  import Cmi5 from '@xapi/cmi5';
  export default Cmi5;
}
