import pc from 'picocolors';
import type { Message } from '../model/message.js';

/** Names every skipped input on stderr (and, unless quiet, the notes), then picks the exit code. */
export function reportMessages(messages: Message[], usable: number, quiet: boolean): number {
  for (const message of messages) {
    if (message.fatal) process.stderr.write(`${pc.red('skipped')} ${message.reason} [${message.ruleId}]\n`);
    else if (!quiet) process.stderr.write(`${pc.yellow('note')} ${message.reason} [${message.ruleId}]\n`);
  }
  if (usable === 0) {
    process.stderr.write(`${pc.red('error')} nothing usable was read from the inputs\n`);
    return 2;
  }
  return messages.some((m) => m.fatal) ? 1 : 0;
}
