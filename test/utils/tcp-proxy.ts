import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a database, which a test can take "down" (every connection is cut, new
 * ones are closed at once) and bring back up. It counts the connection attempts made while down.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private up = true;
  attemptsWhileDown = 0;

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const accept: { to?: TcpProxy } = {};
    const server = createServer((client) => accept.to!.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    accept.to = new TcpProxy(server, (server.address() as { port: number }).port);
    return accept.to;
  }

  private accept(client: Socket, target: { host: string; port: number }) {
    if (!this.up) {
      this.attemptsWhileDown += 1;
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  down() {
    this.up = false;
    for (const socket of this.sockets) socket.destroy();
  }

  restore() {
    this.up = true;
  }

  async stop() {
    this.down();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
