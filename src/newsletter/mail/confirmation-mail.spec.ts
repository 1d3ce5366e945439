import { confirmationMail, escapeHtml } from './confirmation-mail.js';

describe('confirmationMail', () => {
  const links = {
    confirmUrl: 'https://api.example.com/newsletter/confirm?token=a.b.c',
    unsubscribeUrl: 'https://api.example.com/newsletter/unsubscribe?token=d.e.f',
  };

  it('carries both links and the RFC 8058 one-click headers', () => {
    const mail = confirmationMail('reader@example.com', 'news.example.com', links);
    expect(mail.to).toBe('reader@example.com');
    expect(mail.text).toContain(links.confirmUrl);
    expect(mail.text).toContain(links.unsubscribeUrl);
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('escapes what goes into the HTML part', () => {
    const mail = confirmationMail('reader@example.com', '<b>"site"</b>', { ...links, confirmUrl: 'https://x/?a=1&b="2"' });
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('href="https://x/?a=1&#38;b=&#34;2&#34;"');
    expect(escapeHtml(`<'&">`)).toBe('&#60;&#39;&#38;&#34;&#62;');
  });
});
