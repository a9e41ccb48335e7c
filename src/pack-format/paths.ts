/**
 * Paths inside a pack. A pack comes from outside (a department's zip, a dropped folder), so every path is treated
 * as hostile until checked: a zip entry named '../../x' or 'C:\x' must never become a file outside the pack
 * ("zip slip", Snyk 2018), even though in memory it is only a Map key, because the CLI writes packs to disk.
 */
export const MANIFEST_PATH = 'manifest.json';

/** Files a pack may carry besides the manifest and the images it references. */
export const ALLOWED_EXTRA_FILES: readonly string[] = Object.freeze(['README.md', 'README.txt', 'LICENSE.txt', 'LICENCE.txt', 'leak-audit.txt']);

const MAX_PATH_LENGTH = 255;
const MAX_DEPTH = 8;

/** Why `path` is unsafe, or null when it is a plain relative path with '/' separators. */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return 'is empty';
  if (path.length > MAX_PATH_LENGTH) return `is longer than ${MAX_PATH_LENGTH} characters`;
  if (path.includes('\0')) return 'contains a NUL character';
  if (/[\u0001-\u001f\u007f]/.test(path)) return 'contains a control character';
  if (path.includes('\\')) return "contains a backslash (paths inside a pack use '/')";
  if (/^[a-zA-Z]:/.test(path)) return 'starts with a drive letter';
  if (path.startsWith('/')) return 'is absolute';
  const segments = path.split('/');
  if (segments.length > MAX_DEPTH) return `is nested more than ${MAX_DEPTH} folders deep`;
  for (const s of segments) {
    if (s === '..') return "contains a '..' segment";
    if (s === '.') return "contains a '.' segment";
    if (s === '') return "contains an empty segment ('//')";
  }
  return null;
}

export const isSafePackPath = (path: string): boolean => unsafePathReason(path) === null;

/** Files that operating systems add to folders and zips on their own; dropped silently so nobody has to clean them. */
export function isOsJunk(path: string): boolean {
  const segments = path.split('/');
  const name = segments[segments.length - 1] ?? '';
  return segments[0] === '__MACOSX' || name === '.DS_Store' || name === 'Thumbs.db' || name === 'desktop.ini' || name.startsWith('._');
}

/**
 * When every path sits under one top folder ('mypack/manifest.json', 'mypack/images/…'), as happens when a folder
 * is zipped or dropped, returns the paths without it. Otherwise returns them unchanged.
 */
export function stripCommonTopFolder(paths: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const tops = new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '')));
  const [top] = tops;
  const strip = tops.size === 1 && top !== undefined && top !== '' && !paths.includes(MANIFEST_PATH);
  for (const p of paths) out.set(p, strip ? p.slice((top as string).length + 1) : p);
  return out;
}
