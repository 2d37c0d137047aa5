import { getMetadataStorage } from 'class-validator';
import { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

const KEPT = Symbol('kinerja-ledger: validation metadata kept');

/**
 * class-validator looks a DTO's rules up on every validation by asking every decorated class of
 * the application whether it is an ancestor of the DTO (class-validator#2686, open): with the
 * API's few hundred DTOs that was the largest single item of a write's validation. A class's
 * rules, its own and its ancestors', are all registered when its module loads, before anything
 * can be validated against it, so the answer for given arguments never changes; it is kept per
 * class and arguments (a class defined later is a new key). The arrays kept are frozen: the
 * validator only reads them.
 */
export function keepValidationMetadata(): void {
  const storage = getMetadataStorage() as ReturnType<typeof getMetadataStorage> & { [KEPT]?: true };
  if (storage[KEPT]) return;
  storage[KEPT] = true;
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const kept = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let byArguments = kept.get(target);
    if (!byArguments) kept.set(target, (byArguments = new Map<string, ValidationMetadata[]>()));
    const key = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let metadata = byArguments.get(key);
    if (!metadata) byArguments.set(key, (metadata = Object.freeze(lookUp(target, schema, always, strictGroups, groups)) as ValidationMetadata[]));
    return metadata;
  };
}
