/**
 * The two ways the command line fails, each with its exit code: a usage error (the command itself is wrong, 1) and
 * an input or processing error (the command is fine, the file or the forging is not, 2). Messages say what to do.
 */
export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_INPUT = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: typeof EXIT_USAGE | typeof EXIT_INPUT,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string): CliError => new CliError(message, EXIT_USAGE);
export const inputError = (message: string): CliError => new CliError(message, EXIT_INPUT);

/** Libraries throw Errors, strings or plain objects (dicom-parser throws `{ exception, dataSet }`); get a line of text. */
export function describeThrown(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && 'exception' in e) return String((e as { exception: unknown }).exception);
  return String(e);
}
