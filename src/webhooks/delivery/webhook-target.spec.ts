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
    // Not global unicast, IPv4: multicast, broadcast, reserved, benchmarking, IETF protocol
    // assignments, documentation, CGNAT, 6to4 relay anycast.
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '240.0.0.1',
    '198.18.0.1',
    '198.19.255.255',
    '192.0.0.1',
    '192.0.0.192', // Oracle Cloud metadata
    '192.0.2.1',
    '198.51.100.7',
    '203.0.113.9',
    '100.64.0.1',
    '192.88.99.1',
    '168.63.129.16', // Azure's host endpoint
    // IPv6 forms that carry an IPv4 address are judged by it.
    '::127.0.0.1', // IPv4-compatible (deprecated)
    '::a9fe:a9fe', // the same for 169.254.169.254
    '::ffff:169.254.169.254',
    '::ffff:0:a9fe:a9fe', // IPv4-translated (RFC 6145)
    '64:ff9b::a9fe:a9fe', // NAT64 (RFC 6052)
    '64:ff9b::7f00:1',
    '2002:a9fe:a9fe::', // 6to4
    '2002:7f00:1::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo with a global server: client is 192.0.2.45
    '2001:0:a00:1:8000:63bf:3fff:fdd2', // Teredo with server 10.0.0.1
    // Not global unicast, IPv6: multicast, documentation, discard, local NAT64, site-local, ORCHID.
    'ff02::1',
    'ff05::2',
    '2001:db8::1',
    '100::1',
    '64:ff9b:1::1',
    'fec0::1',
    '2001:20::1',
    'fe80::1%eth0',
  ])('blocks %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '172.32.0.1',
    '8.8.8.8',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:81c::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '2001:0:4136:e378:8000:63bf:f7f7:f7f7', // Teredo: server 65.54.227.120, client 8.8.8.8
  ])('allows %s', (address) => {
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
