import type { OutgoingMail } from './mail-transport.service.js';

export interface NewsletterLinks {
  confirmUrl: string;
  unsubscribeUrl: string;
}

// The double opt-in mail. Pure, so its wording and headers are easy to change and to test.
export function confirmationMail(to: string, siteName: string, links: NewsletterLinks): OutgoingMail {
  const subject = `Confirm your subscription to ${siteName}`;
  const text = [
    `Someone, hopefully you, asked to receive the ${siteName} newsletter at this address.`,
    '',
    `To confirm, open this link within 7 days:`,
    links.confirmUrl,
    '',
    `If you did not ask for it, ignore this mail and you will hear nothing more from us.`,
    `Unsubscribe: ${links.unsubscribeUrl}`,
  ].join('\n');
  const html = `<!doctype html><html><body>
<p>Someone, hopefully you, asked to receive the ${escapeHtml(siteName)} newsletter at this address.</p>
<p><a href="${escapeHtml(links.confirmUrl)}">Confirm your subscription</a> (the link works for 7 days).</p>
<p>If you did not ask for it, ignore this mail and you will hear nothing more from us.</p>
<p><small><a href="${escapeHtml(links.unsubscribeUrl)}">Unsubscribe</a></small></p>
</body></html>`;
  return { to, subject, text, html, headers: unsubscribeHeaders(links.unsubscribeUrl) };
}

// RFC 2369 and RFC 8058: mail clients show an "Unsubscribe" button that POSTs to the link.
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
