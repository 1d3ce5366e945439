// A real SMTP server in its own process, for end-to-end tests of outgoing mail. It accepts every
// message (no TLS, no auth), parses it with mailparser and serves what it received as JSON at
// GET http://127.0.0.1:<httpPort>/messages. On start it prints one line: {"smtpPort":…,"httpPort":…}.
import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const messages = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        messages.push({
          from: mail.from?.text ?? null,
          to: mail.to?.text ?? null,
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: mail.subject ?? null,
          text: mail.text ?? null,
          html: typeof mail.html === 'string' ? mail.html : null,
          // Raw header values, so tests see exactly what a mail client would (e.g. List-Unsubscribe).
          headers: Object.fromEntries(mail.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).trim()])),
        });
        callback();
      })
      .catch(callback);
  },
});

const http = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/messages') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messages));
    return;
  }
  res.writeHead(404).end();
});

const listening = (server, ...args) => new Promise((resolve) => server.listen(...args, resolve));
await listening(smtp, 0, '127.0.0.1');
await listening(http, 0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ smtpPort: smtp.server.address().port, httpPort: http.address().port })}\n`);

const stop = () => smtp.close(() => http.close(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
