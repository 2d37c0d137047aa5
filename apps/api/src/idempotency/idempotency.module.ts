import { Global, Module } from '@nestjs/common';
import { IdempotencyGuard } from './idempotency.guard';
import { IdempotencyStore } from './idempotency.store';

/** Global: every slice's write endpoints use the guard (WriteEndpoint), which needs the store. */
@Global()
@Module({ providers: [IdempotencyStore, IdempotencyGuard], exports: [IdempotencyStore, IdempotencyGuard] })
export class IdempotencyModule {}
