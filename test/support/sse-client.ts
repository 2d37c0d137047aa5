/** A Server-Sent Events client on node's fetch, enough to test the live feed: it reads events as they arrive. */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  /** Comment lines (heartbeats) and `retry:` fields seen. */
  readonly others: string[] = [];
  ended = false;
  status = 0;
  contentType: string | null = null;
  private readonly controller = new AbortController();
  private done!: Promise<void>;
  private buffer = '';

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: client.controller.signal });
    client.status = response.status;
    client.contentType = response.headers.get('content-type');
    client.done = client.read(response.body!.getReader());
    return client;
  }

  /** Waits until `count` events have arrived (or fails after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 10_000): Promise<SseEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.events.length} of ${count} events arrived`);
      if (this.ended) throw new Error(`the stream ended after ${this.events.length} of ${count} events`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.events.slice(0, count);
  }

  /** Resolves when the server ends the stream, false after `timeoutMs`. */
  async ends(timeoutMs = 5_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const ended = await Promise.race([this.done.then(() => true), timeout]);
    clearTimeout(timer);
    return ended;
  }

  disconnect(): void {
    this.controller.abort();
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          this.parse(this.buffer.slice(0, end));
          this.buffer = this.buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted by disconnect().
    } finally {
      this.ended = true;
    }
  }

  private parse(block: string): void {
    const event: SseEvent = { data: '' };
    let isEvent = false;
    for (const line of block.split('\n')) {
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'id') event.id = value;
      else if (field === 'event') event.event = value;
      else if (field === 'data') {
        event.data += value;
        isEvent = true;
      } else this.others.push(line);
    }
    if (isEvent) this.events.push(event);
  }
}
