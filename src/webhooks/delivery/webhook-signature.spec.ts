import { createHmac } from 'node:crypto';
import { newWebhookSecret, signatureHeader } from './webhook-signature.js';

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 in hex', () => {
    const body = '{"id":"1"}';
    const expected = createHmac('sha256', 'whsec_test').update(`1700000000.${body}`).digest('hex');
    expect(signatureHeader('whsec_test', body, 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('makes distinct, recognisable secrets', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    expect(a).toMatch(/^whsec_[\w-]{43}$/);
    expect(a).not.toBe(b);
  });
});
