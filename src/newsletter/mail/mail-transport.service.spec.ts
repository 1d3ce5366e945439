import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig } from '../../config/app-config.js';
import { MailTransportService } from './mail-transport.service.js';

describe('MailTransportService without SMTP_URL', () => {
  it('writes the mail, links and headers included, to the log instead of sending it', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const transport = new MailTransportService(loadConfig({ NODE_ENV: 'test' }), pino(sink));
    await transport.send({
      to: 'reader@example.com',
      subject: 'Confirm',
      text: 'Open https://api.example.com/newsletter/confirm?token=abc',
      html: '<p>html</p>',
      headers: { 'List-Unsubscribe': '<https://api.example.com/newsletter/unsubscribe?token=def>' },
    });
    transport.onModuleDestroy();
    const entry = JSON.parse(lines.join(''));
    expect(entry.msg).toContain('reader@example.com');
    expect(entry.mail).toMatchObject({
      from: 'Newsdesk <newsletter@localhost>',
      to: 'reader@example.com',
      text: expect.stringContaining('/newsletter/confirm?token=abc'),
      headers: { 'List-Unsubscribe': expect.stringContaining('token=def') },
    });
  });
});
