import { createMessage, type Message } from '../../model/message.js';

/** Every fetch failure skips its input: a fatal message placed at the URL. */
export function createFetchMessage(ruleId: string, url: string, reason: string): Message {
  return createMessage({ reason, source: 'fetch', ruleId, place: url, fatal: true });
}

/** `10485760` → `10 MiB`, for reasons a person reads. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${rounded} ${units[unit]}`;
}

/** Names the URL as given and, after redirects, the hop where things went wrong. */
export function describeTarget(input: string, url: URL): string {
  return input === url.href ? url.href : `${input} (redirected to ${url.href})`;
}
