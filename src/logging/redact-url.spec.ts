import { REDACTED, redactUrl, redactUrlsInText } from './redact-url.js';

describe('redactUrl', () => {
  it('hides secret query parameters and keeps the others', () => {
    expect(redactUrl('/feeds/rss.xml?key=ndp_secret&limit=5')).toBe(`/feeds/rss.xml?key=${REDACTED}&limit=5`);
    expect(redactUrl('/newsletter/confirm?token=abc.def')).toBe(`/newsletter/confirm?token=${REDACTED}`);
    expect(redactUrl('/health')).toBe('/health');
  });

  it('hides preview tokens written into a GraphQL GET query', () => {
    const query = '{ article(slug: "a", previewToken: "eyJ.secret") { id } }';
    const logged = decodeURIComponent(redactUrl(`/graphql?query=${encodeURIComponent(query)}`));
    expect(logged).not.toContain('eyJ.secret');
    expect(logged).toContain(`previewToken: "${REDACTED}"`);
    expect(logged).toContain('slug: "a"');
  });

  it('hides secret arguments however their names are cased, and leaves a query naming none as sent', () => {
    const secret = '{ partner(APIKEY: "k-1", input: { AccessToken: "t-1" }) { id } }';
    const logged = decodeURIComponent(redactUrl(`/graphql?query=${encodeURIComponent(secret)}`));
    expect(logged).not.toMatch(/k-1|t-1/);
    const plain = '{ article(slug: "a") { headline body } }';
    expect(decodeURIComponent(redactUrl(`/graphql?query=${encodeURIComponent(plain)}`))).toBe(`/graphql?query=${plain}`);
  });

  it('hides the variables a query passes to secret arguments, whatever their names', () => {
    const query = 'query($s: String!, $p: String) { article(slug: $s, previewToken: $p) { id } }';
    const variables = JSON.stringify({ s: 'a-slug', p: 'eyJ.secret' });
    const logged = decodeURIComponent(
      redactUrl(`/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(variables)}`),
    );
    expect(logged).not.toContain('eyJ.secret');
    expect(logged).toContain('"s":"a-slug"');
    expect(logged).toContain(`"p":"${REDACTED}"`);
  });

  it('hides secret-named keys anywhere in variables, and unreadable variables whole', () => {
    const variables = encodeURIComponent(JSON.stringify({ input: { email: 'a@b.c', password: 'hunter22' } }));
    expect(decodeURIComponent(redactUrl(`/graphql?variables=${variables}`))).not.toContain('hunter22');
    expect(redactUrl('/graphql?variables=%7Bnot-json')).toBe(`/graphql?variables=${REDACTED}`);
  });
});

describe('redactUrlsInText', () => {
  it('hides secret parameters of URLs inside text', () => {
    expect(redactUrlsInText('Open <https://x.test/newsletter/unsubscribe?token=abc> now')).toBe(
      `Open <https://x.test/newsletter/unsubscribe?token=${REDACTED}> now`,
    );
  });
});
