import { checkTarget, isBlockedAddress } from './webhook-target.js';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.100.100.200',
    '::1',
    '::',
    'fd00:ec2::254',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.1.2.3',
    'not-an-ip',
  ])('blocks %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe('checkTarget', () => {
  it('refuses plain http unless private targets are allowed', async () => {
    expect(await checkTarget(new URL('http://93.184.216.34/hook'), false)).toEqual({ ok: false, reason: 'must use https' });
    expect(await checkTarget(new URL('http://93.184.216.34/hook'), true)).toEqual({
      ok: true,
      target: { address: '93.184.216.34', family: 4 },
    });
  });

  it('refuses private literals, IPv6 in brackets too, and allows them with the flag', async () => {
    expect(await checkTarget(new URL('https://10.0.0.1/'), false)).toMatchObject({ ok: false });
    expect(await checkTarget(new URL('https://[::1]:8443/'), false)).toMatchObject({ ok: false });
    expect(await checkTarget(new URL('https://[::1]:8443/'), true)).toEqual({ ok: true, target: { address: '::1', family: 6 } });
  });

  it('checks what a name resolves to', async () => {
    expect(await checkTarget(new URL('https://localhost/'), false)).toMatchObject({ ok: false });
  });
});
