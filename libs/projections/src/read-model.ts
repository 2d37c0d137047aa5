import { EntitySchema, EntitySchemaColumnOptions, EntitySchemaIndexOptions } from 'typeorm';

/**
 * Every read model exists twice, in slots `a` and `b`: one serves reads while the other can be
 * rebuilt from position 0, then they swap. Tables are named `rm_<name>_<slot>`.
 */
export type Slot = 'a' | 'b';
export const SLOTS: readonly Slot[] = ['a', 'b'];

export function otherSlot(slot: Slot): Slot {
  return slot === 'a' ? 'b' : 'a';
}

export interface ReadModel<Row extends object = object> {
  readonly name: string;
  readonly schemas: Readonly<Record<Slot, EntitySchema<Row>>>;
}

export interface ReadModelOptions<Row> {
  name: string;
  columns: { [Column in keyof Row]?: EntitySchemaColumnOptions };
  indices?: EntitySchemaIndexOptions[];
}

export function defineReadModel<Row extends object>(options: ReadModelOptions<Row>): ReadModel<Row> {
  const schema = (slot: Slot) =>
    new EntitySchema<Row>({
      name: `${options.name}__${slot}`,
      tableName: `rm_${options.name}_${slot}`,
      columns: options.columns,
      indices: options.indices?.map((index) => ({ ...index, name: index.name ? `${index.name}_${slot}` : undefined })),
    });
  return { name: options.name, schemas: { a: schema('a'), b: schema('b') } };
}
