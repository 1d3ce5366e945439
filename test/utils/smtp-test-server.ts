import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait-for.js';

export interface ReceivedMail {
  from: string | null;
  to: string | null;
  envelopeTo: string[];
  subject: string | null;
  text: string | null;
  html: string | null;
  headers: Record<string, string>;
}

const script = fileURLToPath(new URL('./smtp-server.mjs', import.meta.url));

// A real SMTP server (smtp-server + mailparser) running as a separate process; the app sends to it
// over TCP exactly as it would to a production relay.
export class SmtpTestServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly smtpUrl: string,
    private readonly httpUrl: string,
  ) {}

  static async start(): Promise<SmtpTestServer> {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout! });
    const [first] = (await Promise.race([
      once(lines, 'line'),
      once(child, 'exit').then(() => Promise.reject(new Error('The test SMTP server exited before it started'))),
    ])) as [string];
    lines.close();
    const { smtpPort, httpPort } = JSON.parse(first) as { smtpPort: number; httpPort: number };
    return new SmtpTestServer(child, `smtp://127.0.0.1:${smtpPort}`, `http://127.0.0.1:${httpPort}`);
  }

  async messages(): Promise<ReceivedMail[]> {
    const response = await fetch(`${this.httpUrl}/messages`);
    return (await response.json()) as ReceivedMail[];
  }

  async mailsTo(address: string): Promise<ReceivedMail[]> {
    return (await this.messages()).filter((mail) => mail.envelopeTo.includes(address));
  }

  /** Waits for the count-th mail to an address (1 = the first). */
  async waitForMail(address: string, count = 1, timeoutMs = 10_000): Promise<ReceivedMail> {
    return waitFor(async () => (await this.mailsTo(address))[count - 1], timeoutMs, `mail #${count} to ${address}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}
