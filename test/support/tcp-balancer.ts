import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A load balancer as small as a test needs: each TCP connection goes to the next backend in turn,
 * skipping one that refuses (a killed instance), so clients reach whichever instances are up.
 */
export class TcpBalancer {
  private next = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly backends: number[],
  ) {}

  static async start(backends: number[]): Promise<TcpBalancer> {
    let balancer: TcpBalancer | null = null;
    const server = createServer((client) => balancer!.accept(client));
    balancer = new TcpBalancer(server, backends);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return balancer;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    this.route(client, 0);
  }

  /** Pipes the client to the next backend; one that refuses is skipped, until each has been tried. */
  private route(client: Socket, tries: number): void {
    const port = this.backends[this.next++ % this.backends.length]!;
    const upstream = connect(port, '127.0.0.1');
    let connected = false;
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      if (connected) client.destroy();
    });
    upstream.on('error', () => {
      upstream.destroy();
      if (connected) return;
      if (tries + 1 < this.backends.length && !client.destroyed) this.route(client, tries + 1);
      else client.destroy();
    });
    upstream.once('connect', () => {
      connected = true;
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      client.resume();
    });
  }
}
