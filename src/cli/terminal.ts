import stripAnsi from 'strip-ansi';

/**
 * Text from a report made safe to print on a terminal: escape sequences (colours, clearing the
 * screen, setting the window title) and every other control character except line breaks and tabs
 * removed, so a report cannot drive the terminal of whoever reads its quotes.
 */
export function terminalText(text: string): string {
  return stripAnsi(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
