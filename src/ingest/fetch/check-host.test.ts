import { describe, expect, it } from 'vitest';
import { checkHost, type HostLookup } from './check-host.js';

function lookupFrom(answers: Record<string, string[]>, asked: string[] = []): HostLookup {
  return (hostname) => {
    asked.push(hostname);
    const addresses = answers[hostname];
    if (!addresses)
      return Promise.reject(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
      );
    return Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const),
    );
  };
}

describe('checkHost', () => {
  it('should pass a host whose lookup returns only public addresses', async () => {
    const lookup = lookupFrom({
      'news.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    });
    const check = await checkHost(new URL('https://news.example/a'), { lookup });
    expect(check).toEqual({
      ok: true,
      addresses: ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    });
  });

  it('should judge IP literals without a lookup', async () => {
    const asked: string[] = [];
    const lookup = lookupFrom({}, asked);
    expect((await checkHost(new URL('http://8.8.8.8/'), { lookup })).ok).toBe(true);
    expect((await checkHost(new URL('http://[2606:4700::1111]/'), { lookup })).ok).toBe(true);
    expect((await checkHost(new URL('http://[fe80::1]/'), { lookup })).ok).toBe(false);
    expect((await checkHost(new URL('http://0xa9fea9fe/'), { lookup })).ok).toBe(false);
    expect(asked).toEqual([]);
  });

  it('should treat localhost names as loopback whatever the resolver says', async () => {
    const lookup = lookupFrom({ localhost: ['93.184.215.14'], 'api.localhost': ['93.184.215.14'] });
    for (const url of ['http://localhost/', 'http://LOCALHOST./', 'http://api.localhost/']) {
      const check = await checkHost(new URL(url), { lookup });
      expect(check.ok).toBe(false);
    }
  });

  it('should refuse a name that resolves to a private address and say how to allow it', async () => {
    const lookup = lookupFrom({ 'db.internal': ['10.0.0.1'] });
    const check = await checkHost(new URL('http://db.internal/'), { lookup });
    if (check.ok) throw new Error('expected a refusal');
    expect(check.message).toMatchObject({ source: 'fetch', ruleId: 'fetch:private-address', fatal: true });
    expect(check.message.reason).toContain('db.internal resolves to 10.0.0.1, a private-network address');
    expect(check.message.reason).toContain('--allow-private');
  });

  it('should place the message at the given input and name the redirect hop', async () => {
    const check = await checkHost(new URL('http://169.254.169.254/latest'), {
      input: 'https://news.example/a',
    });
    if (check.ok) throw new Error('expected a refusal');
    expect(check.message.place).toBe('https://news.example/a');
    expect(check.message.reason).toContain(
      'https://news.example/a (redirected to http://169.254.169.254/latest)',
    );
    expect(check.message.reason).toContain('link-local');
  });

  it('should report a failed lookup with the resolver error', async () => {
    const check = await checkHost(new URL('http://nowhere.example/'), { lookup: lookupFrom({}) });
    if (check.ok) throw new Error('expected a failure');
    expect(check.message.ruleId).toBe('fetch:dns');
    expect(check.message.reason).toContain('ENOTFOUND');
  });

  it('should stop waiting for a lookup when the signal aborts', async () => {
    const never: HostLookup = () => new Promise(() => undefined);
    const check = checkHost(new URL('http://slow.example/'), {
      lookup: never,
      signal: AbortSignal.timeout(50),
    });
    await expect(check).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
