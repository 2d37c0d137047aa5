import { LedgerReading } from '@app/domain/zi';
import { Injectable } from '@nestjs/common';
import { ZiAddress } from './zi-address';

/**
 * Where the ledger answers an LKE item (docs/domain.md, ZI 5): a source reads what it knows of a
 * unit's year, as of the request, or answers null when it has nothing to go on.
 */
export interface LedgerSource {
  /** The name templates give as an item's `ledgerSource` (`PLAN_APPROVED`). */
  name: string;
  /**
   * `today`: the request's day, which what is late or overdue is judged on. `once`: what the
   * sources of one sheet read share, so that the unit's scorecard or its surveys are asked for
   * once per read however many sources read them (key it by what is asked).
   */
  read(address: ZiAddress, today: string, once: Once): Promise<LedgerReading | null>;
}

/** A value loaded at most once per sheet read, by key. */
export type Once = <T>(key: string, load: () => Promise<T>) => Promise<T>;

/**
 * The open list of sources: this slice registers the ones the ledger already answers
 * (ledger-sources.provider.ts); another slice adds its own (complaints, gratification, surveys)
 * by injecting the registry (exported from this slice's index) and calling `register` when its
 * module starts. An item naming a source nobody registered simply has no suggestion.
 */
@Injectable()
export class LedgerSources {
  private readonly sources = new Map<string, LedgerSource>();

  register(source: LedgerSource): void {
    if (this.sources.has(source.name)) throw new Error(`Ledger source ${source.name} is registered twice`);
    this.sources.set(source.name, source);
  }

  names(): string[] {
    return [...this.sources.keys()].sort();
  }

  /** Every named source's reading for the unit's year, read once each; a source unknown or silent is left out. */
  async read(names: Iterable<string>, address: ZiAddress, today: string): Promise<Map<string, LedgerReading>> {
    const wanted = [...new Set(names)].filter((name) => this.sources.has(name));
    const loaded = new Map<string, Promise<unknown>>();
    const once: Once = <T>(key: string, load: () => Promise<T>) => {
      if (!loaded.has(key)) loaded.set(key, load());
      return loaded.get(key) as Promise<T>;
    };
    const readings = await Promise.all(wanted.map(async (name) => [name, await this.sources.get(name)!.read(address, today, once)] as const));
    return new Map(readings.filter((entry): entry is readonly [string, LedgerReading] => entry[1] !== null));
  }
}
