/**
 * Group commit: appends that arrive while earlier ones are being written wait, then go to the
 * database together in one transaction (one round trip, one WAL flush). A lone append still
 * goes out at once, so batching costs no latency when there is no concurrency.
 */
export class GroupCommit<Item, Outcome> {
  private readonly queue: Array<{ item: Item; resolve: (outcome: Outcome) => void; reject: (error: unknown) => void }> = [];
  private inFlight = 0;

  constructor(
    private readonly writeBatch: (items: Item[]) => Promise<Outcome[]>,
    private readonly options: { maxInFlight: number; maxBatchSize: number },
  ) {}

  submit(item: Item): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatchSize);
      this.inFlight++;
      this.writeBatch(batch.map((entry) => entry.item))
        .then(
          (outcomes) => batch.forEach((entry, index) => entry.resolve(outcomes[index])),
          (error) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}
