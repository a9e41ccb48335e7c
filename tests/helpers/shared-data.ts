import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The shared test data lives beside the checkout, at ../shared/xray (the same layout in CI). A missing folder fails
 * the tests that need it, with a message saying where it was looked for; nothing is skipped.
 */
export const XRAY_DIR = resolve(process.cwd(), '..', 'shared', 'xray');

export function requireXray(): string {
  if (!existsSync(XRAY_DIR)) {
    throw new Error(`Test data not found at ${XRAY_DIR}: the shared X-ray set must sit beside the checkout (../shared/xray).`);
  }
  return XRAY_DIR;
}
