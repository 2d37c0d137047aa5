import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';

/**
 * A fixed address in front of a process that may die and come back on another port, or be
 * replaced: every new connection goes to the current target; with none, it is refused at once
 * (closed), as a stopped service's port would. `to()` cuts the connections of the old target.
 */
export class SwitchableTcpProxy {
  private target: number | null;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    target: number | null,
  ) {
    this.target = target;
  }

  static async start(target: number | null): Promise<SwitchableTcpProxy> {
    const proxy: SwitchableTcpProxy = new SwitchableTcpProxy(
      createServer((client) => proxy.forward(client)),
      target,
    );
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  to(target: number | null): void {
    this.target = target;
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.to(null);
    await new Promise((resolve) => this.server.close(resolve));
  }

  private forward(client: Socket): void {
    if (this.target === null) return void client.destroy();
    const upstream = connect(this.target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  }
}

export const portOf = (url: string) => Number(new URL(url).port);
