import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * One desktop's network link to a server, as a TCP relay the test can cut and restore: cut, the
 * connections open are reset and new ones are dropped as they arrive, as when a laptop leaves the
 * plant's Wi-Fi; restored, they go through again.
 */
export class CuttableLink {
  private readonly sockets = new Set<Socket>();
  private down = false;

  private constructor(
    private readonly server: Server,
    private readonly backendPort: number,
  ) {}

  static async start(backendPort: number): Promise<CuttableLink> {
    let link: CuttableLink | null = null;
    const server = createServer((client) => link!.accept(client));
    link = new CuttableLink(server, backendPort);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return link;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  private accept(client: Socket): void {
    if (this.down) {
      client.destroy();
      return;
    }
    const upstream = connect(this.backendPort, '127.0.0.1');
    this.track(client);
    this.track(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
