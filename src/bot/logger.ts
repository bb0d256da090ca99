import pino, { type Logger } from 'pino';

/**
 * JSON logs on stderr, one line each. Every line is scrubbed of the bot token on its way out, so
 * no error message that quotes a Bot API URL can leak it.
 */
export function createLogger(level: string, token?: string, write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const secret = token ? new RegExp(token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : null;
  return pino({ level }, { write: (line: string) => write(secret ? line.replace(secret, '<BOT_TOKEN>') : line) });
}
