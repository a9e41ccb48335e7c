import { LmsError } from './lms-port.js';

/** The eight calls of the SCORM 1.2 API object (RTE 1.2 section 3.3). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The eight calls of the SCORM 2004 API_1484_11 object (RTE 4th ed. section 3.1). */
export interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

/** The window shape the discovery walks (a real Window, or a test double). */
export interface FrameLike {
  readonly parent: FrameLike | null;
  readonly opener?: FrameLike | null;
  readonly top?: FrameLike | null;
  [name: string]: unknown;
}

/**
 * ADL's API discovery algorithm (SCORM 1.2 RTE section 3.3.6.1; SCORM 2004 4th ed. RTE section 3.3.6.1): look in this
 * window, then up the chain of parents, then in the opener and its parents, and stop after a bounded number of
 * hops (ADL's sample code uses 7 for 1.2 and 500 for 2004; a frame nested deeper is not searched). A frame from
 * another origin throws on access: that is not an API, and the search goes on (pipwerks-style wrappers crash here).
 */
export function findScormApi<T>(start: FrameLike, name: 'API' | 'API_1484_11'): T | null {
  const maxHops = name === 'API' ? 7 : 500;
  const search = (win: FrameLike | null | undefined): T | null => {
    let w = win;
    for (let hops = 0; w && hops <= maxHops; hops++) {
      const api = probe<T>(w, name);
      if (api) return api;
      const parent = readParent(w);
      if (!parent || parent === w) break;
      w = parent;
    }
    return null;
  };
  return search(start) ?? search(readOpener(start));
}

function probe<T>(w: FrameLike, name: string): T | null {
  try {
    const api = w[name];
    return api && typeof api === 'object' ? (api as T) : null;
  } catch {
    return null; // cross-origin frame
  }
}

function readParent(w: FrameLike): FrameLike | null {
  try {
    return w.parent ?? null;
  } catch {
    return null;
  }
}

function readOpener(w: FrameLike): FrameLike | null {
  try {
    return w.opener ?? null;
  } catch {
    return null;
  }
}

/** A failed call as one sentence: the call, the element and value, and what the LMS said. */
export function scormFailure(call: string, code: string, text: string, diagnostic: string): LmsError {
  const detail = diagnostic && diagnostic !== text ? ` (${diagnostic})` : '';
  return new LmsError(`${call} failed: LMS error ${code} ${text}${detail}`);
}
