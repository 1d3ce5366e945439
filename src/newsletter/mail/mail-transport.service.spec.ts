import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig } from '../../config/app-config.js';
import { MailTransportService } from './mail-transport.service.js';

describe('MailTransportService without SMTP_URL', () => {
  it('logs the mail with its link tokens redacted, and prints it whole to the terminal', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const transport = new MailTransportService(loadConfig({ NODE_ENV: 'test' }), pino(sink));
    const printed: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stderr.write;
    await transport.send({
      to: 'reader@example.com',
      subject: 'Confirm',
      text: 'Open https://api.example.com/newsletter/confirm?token=abc',
      html: '<p>html</p>',
      headers: { 'List-Unsubscribe': '<https://api.example.com/newsletter/unsubscribe?token=def>' },
    });
    process.stderr.write = write;
    transport.onModuleDestroy();
    const entry = JSON.parse(lines.join(''));
    expect(entry.msg).toContain('reader@example.com');
    expect(entry.mail).toMatchObject({
      from: 'Newsdesk <newsletter@localhost>',
      to: 'reader@example.com',
      text: expect.stringContaining('/newsletter/confirm?token=[REDACTED]'),
      headers: { 'List-Unsubscribe': expect.stringContaining('unsubscribe?token=[REDACTED]') },
    });
    expect(lines.join('')).not.toMatch(/token=(abc|def)/);
    expect(printed.join('')).toContain('/newsletter/confirm?token=abc');
    expect(printed.join('')).toContain('unsubscribe?token=def');
  });
});
