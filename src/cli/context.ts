import type { Command } from 'commander';

/** Exit codes shared by the command-line tools (documented in the README). */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

// Output piped into `head` and closed early is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  throw error;
});

/**
 * A usage error (unknown option, missing argument) prints one line with `hint` and exits 2;
 * exit 1 stays reserved for index and corpus failures. Help exits 0.
 */
export function exitOnUsageError(program: Command, hint: string): void {
  program
    .configureOutput({ outputError: (message, write) => write(`${message.trimEnd()} (${hint})\n`) })
    .exitOverride((error) => process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.badInput));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
