import { Cmi5Adapter, readCmi5LaunchParameters } from './cmi5-adapter.js';
import type { LmsPort } from './lms-port.js';
import type { LmsStandard } from './module-schema.js';
import { findScormApi, type FrameLike, type Scorm12Api, type Scorm2004Api } from './scorm-api.js';
import { Scorm12Adapter } from './scorm12-adapter.js';
import { Scorm2004Adapter } from './scorm2004-adapter.js';
import { StandaloneAdapter, localStorageStore, type KeyValueStore } from './standalone-adapter.js';

/**
 * Picks the adapter for this page: cmi5 when the launch URL carries the cmi5 parameters (cmi5 section 8.1), else the
 * SCORM API the package was built for when discovery finds it (either version is taken if only the other is there,
 * since an LMS knows best what it launched), else standalone with the reason, for the "no LMS" notice.
 */
export interface ConnectOptions {
  readonly window: Window;
  readonly standard: LmsStandard;
  /** Separates one module's standalone record from another's (the module fingerprint). */
  readonly storageKey: string;
  readonly store?: KeyValueStore;
}

export function connectLms(o: ConnectOptions): LmsPort {
  const cmi5 = readCmi5LaunchParameters(o.window.location.search);
  if (cmi5) return new Cmi5Adapter(cmi5, localStorageStore(o.window.sessionStorage), o.window.fetch.bind(o.window), (url) => o.window.location.assign(url));
  const frame = o.window as unknown as FrameLike;
  const api2004 = findScormApi<Scorm2004Api>(frame, 'API_1484_11');
  const api12 = findScormApi<Scorm12Api>(frame, 'API');
  if (o.standard === 'scorm2004' && api2004) return new Scorm2004Adapter(api2004);
  if (o.standard === 'scorm12' && api12) return new Scorm12Adapter(api12);
  if (api2004) return new Scorm2004Adapter(api2004);
  if (api12) return new Scorm12Adapter(api12);
  const reason =
    o.standard === 'cmi5'
      ? 'this page was not launched by a cmi5 LMS (no endpoint, fetch, actor, registration and activityId in its address)'
      : `no SCORM ${o.standard === 'scorm12' ? '1.2 API (window.API)' : '2004 API (window.API_1484_11)'} was found in this window, its parents or its opener`;
  return new StandaloneAdapter(o.store ?? localStorageStore(o.window.localStorage), `xray-module:${o.storageKey}`, reason);
}

/**
 * Commits when the page is hidden or goes away: `visibilitychange` to hidden and `pagehide` are the last events a
 * browser reliably delivers (Chrome no longer runs work on `unload`, and blocks synchronous XHR on dismissal), so
 * progress is never left to unload. Returns the function that removes the listeners.
 */
export function commitOnPageHide(port: LmsPort & { commitOnPageHide?: () => void }, win: Window): () => void {
  const flush = (): void => {
    if (port.isFinished) return;
    if (port.commitOnPageHide) {
      port.commitOnPageHide();
      return;
    }
    port.commit().catch(() => undefined);
  };
  const onVisibility = (): void => {
    if (win.document.visibilityState === 'hidden') flush();
  };
  win.addEventListener('pagehide', flush);
  win.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    win.removeEventListener('pagehide', flush);
    win.document.removeEventListener('visibilitychange', onVisibility);
  };
}
