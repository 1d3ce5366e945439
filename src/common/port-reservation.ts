import { createServer } from 'node:net';

export class PortUnavailableError extends Error {}

export interface PortReservation {
  /** Frees the port for the real server, which binds it right after. */
  release(): Promise<void>;
}

// Binds the HTTP port before anything is written (migrations, the first admin and its one-time
// password, the demo seed), and holds it while the app boots: a busy port then stops the start with
// one line, instead of dying after the admin's password was printed and lost.
export async function reservePort(host: string, port: number): Promise<PortReservation> {
  if (port === 0) return { release: async () => undefined };
  // A client that connects during boot (a load balancer's probe, an eager benchmark) is dropped at
  // once: left without a handler its socket would keep close() from ever finishing.
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(unavailable(error, host, port)));
    server.listen({ host, port, exclusive: true }, resolve);
  });
  return { release: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function unavailable(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  if (error.code === 'EADDRINUSE') {
    return new PortUnavailableError(
      `Port ${port} is already in use (${where}): is Newsdesk already running? Stop it, or start with PORT=<another port>.`,
    );
  }
  if (error.code === 'EACCES') return new PortUnavailableError(`Not allowed to listen on ${where}: use a port above 1023.`);
  if (error.code === 'EADDRNOTAVAIL') return new PortUnavailableError(`HOST ${host} is not an address of this machine.`);
  return error;
}
