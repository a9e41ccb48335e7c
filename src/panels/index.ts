/** Public face of panels/: the HTML screens (lit-html templates laid out by CSS) and their mount. */
export { mountPanels, type Panels } from './mount.js';
export { baseKind, type ShellDeps } from './shell.js';
export { packLine } from './packs.js';
export type { Dispatch } from './widgets.js';
