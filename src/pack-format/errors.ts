/**
 * Every way a pack can be refused. `message` is shown to the instructor as is, so it names the fault and says what
 * to do next; `code` lets the UI pick an icon or a help link without parsing text.
 */
export type PackErrorCode =
  | 'not-a-zip'
  | 'empty'
  | 'corrupt'
  | 'unsafe-path'
  | 'duplicate-entry'
  | 'too-many-entries'
  | 'too-large'
  | 'suspicious-compression'
  | 'size-mismatch'
  | 'encrypted'
  | 'unsupported-compression'
  | 'newer-version'
  | 'no-migration'
  | 'invalid-manifest'
  | 'missing-manifest';

export class PackError extends Error {
  constructor(
    readonly code: PackErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PackError';
  }
}
