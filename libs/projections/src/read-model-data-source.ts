import { Database } from '@app/database';
import { DataSource } from 'typeorm';
import { Projection } from './projection';
import { SLOTS } from './read-model';

/** One TypeORM DataSource for every slot of every read model, on the database's own pool. */
export async function openReadModelDataSource(database: Database, projections: readonly Projection[]): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    driver: database.typeOrmDriver(),
    entities: projections.flatMap((projection) => projection.readModels.flatMap((model) => SLOTS.map((slot) => model.schemas[slot]))),
    // Read-model tables are made by the projection runner, per slot, never by synchronisation.
    synchronize: false,
    logging: false,
  });
  return dataSource.initialize();
}
