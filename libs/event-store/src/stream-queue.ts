/**
 * Runs work for one stream at a time, in the order it was asked for; streams do not wait for
 * each other. Writers to one stream in one process then take turns instead of racing: each
 * decides on the state the one before it left, so none has to re-read and decide again, and a
 * burst of them cannot use up handleCommand's attempts (which remain for races with other
 * processes).
 */
export class StreamQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(stream: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(stream) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(stream, tail);
    // The last one out removes the entry, so the map holds only streams being written.
    void tail.then(() => {
      if (this.tails.get(stream) === tail) this.tails.delete(stream);
    });
    return result;
  }

  /** Streams with work queued or running (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
