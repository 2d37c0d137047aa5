import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, IsInt, IsString, MaxLength, validateSync, ValidationError } from 'class-validator';
import { keepValidationMetadata } from './validation-metadata-cache';

class Named {
  @IsString()
  @MaxLength(5, { groups: ['short'] })
  name!: string;
}

class Counted extends Named {
  @IsInt()
  count!: number;
}

const inputs = [{ name: 'abcdefgh', count: 1.5 }, { name: 7, count: 2 }, { name: 'abc', count: 'x' }, {}];
const errorsOf = (errors: ValidationError[]) => errors.map((error) => [error.property, Object.keys(error.constraints ?? {}).sort()]);
const validateAll = () =>
  [undefined, ['short']].flatMap((groups) =>
    inputs.map((input) => errorsOf(validateSync(plainToInstance(Counted, input), { groups, whitelist: true, forbidNonWhitelisted: true }))),
  );

describe('validation metadata kept per class', () => {
  it('validates as class-validator does without it, and looks each class up once', () => {
    const before = validateAll();
    expect(before.flat().length).toBeGreaterThan(0);
    keepValidationMetadata();
    keepValidationMetadata();
    expect(validateAll()).toEqual(before);

    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Counted, '', true, false);
    expect(storage.getTargetValidationMetadatas(Counted, '', true, false)).toBe(first);
    expect(first.map((entry) => entry.propertyName).sort()).toEqual(['count', 'name', 'name']);
    expect(storage.getTargetValidationMetadatas(Counted, '', false, false, ['short'])).not.toBe(first);
    expect(storage.getTargetValidationMetadatas(Counted, '', true, false, [])).not.toBe(first);
    expect(storage.getTargetValidationMetadatas(Counted, 'schema', true, false)).not.toBe(first);
  });

  it('groups a kept class’s rules by property once', () => {
    keepValidationMetadata();
    const storage = getMetadataStorage();
    const rules = storage.getTargetValidationMetadatas(Counted, '', false, false);
    const grouped = storage.groupByPropertyName(rules);
    expect(storage.groupByPropertyName(rules)).toBe(grouped);
    expect(Object.keys(grouped).sort()).toEqual(['count', 'name']);
    expect(grouped.name.map((rule) => rule.name ?? rule.type)).toEqual(storage.groupByPropertyName([...rules]).name.map((rule) => rule.name ?? rule.type));
    expect(Object.isFrozen(grouped.name)).toBe(true);
  });

  it('gives a class defined after its parent was looked up its parent’s rules too', () => {
    keepValidationMetadata();
    expect(getMetadataStorage().getTargetValidationMetadatas(Named, '', true, false)).toHaveLength(2);
    class Later extends Named {
      @IsInt()
      later!: number;
    }
    const errors = validateSync(plainToInstance(Later, { name: 3, later: 'no' }));
    expect(errorsOf(errors)).toEqual([
      ['later', ['isInt']],
      // Without groups, class-validator applies the grouped rule too.
      ['name', ['isString', 'maxLength']],
    ]);
  });
});
