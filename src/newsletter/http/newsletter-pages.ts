import { escapeHtml } from '../mail/confirmation-mail.js';

// The small pages people land on from newsletter mails. No scripts, no external resources.
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

export function messagePage(title: string, message: string): string {
  return page(title, `<p>${escapeHtml(message)}</p>`);
}

// GET on an unsubscribe link only asks: mail scanners open links, and must not unsubscribe anyone.
// The form posts the same body as an RFC 8058 one-click client, so one handler serves both.
export function unsubscribeFormPage(token: string): string {
  const action = `/newsletter/unsubscribe?token=${encodeURIComponent(token)}`;
  return page(
    'Unsubscribe',
    `<p>Stop receiving our newsletter at this address?</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button></form>`,
  );
}
