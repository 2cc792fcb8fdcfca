import { isIP } from 'node:net';

/**
 * True when binding to `host` keeps the server reachable from this machine only:
 * `localhost`, 127.0.0.0/8, ::1 (and ::ffff:127.x). `0.0.0.0`, `::` and any other
 * address or name are reachable from elsewhere.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost') return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) === 6)
    return name === '::1' || /^::ffff:127\./.test(name) || /^(0{1,4}:){7}0{0,3}1$/.test(name);
  return false;
}
