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
 * validator only reads them. It then groups the rules by property, again on every validation;
 * the grouping of a kept array is kept with it, frozen too.
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
    const key = `${schema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups ? `[${groups.join('\u0000')}` : ''}`;
    let metadata = byArguments.get(key);
    if (!metadata) byArguments.set(key, (metadata = Object.freeze(lookUp(target, schema, always, strictGroups, groups)) as ValidationMetadata[]));
    return metadata;
  };
  const group = storage.groupByPropertyName.bind(storage);
  const grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();
  storage.groupByPropertyName = (metadata) => {
    if (!Object.isFrozen(metadata)) return group(metadata);
    let byProperty = grouped.get(metadata);
    if (!byProperty) {
      byProperty = group(metadata);
      for (const rules of Object.values(byProperty)) Object.freeze(rules);
      grouped.set(metadata, Object.freeze(byProperty));
    }
    return byProperty;
  };
}
