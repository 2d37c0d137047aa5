import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MinLength, ValidateBy, validateSync, ValidationError } from 'class-validator';
import { parseSources, Source } from './sources';

/** A configuration that cannot run: its message names the setting and what it takes. */
export class AggregatorConfigurationError extends Error {
  override readonly name = 'AggregatorConfigurationError';
}

function IsWhole(min: number, max: number) {
  return ValidateBy({
    name: 'isWhole',
    validator: {
      validate: (value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
      defaultMessage: (args) => `${args?.property} must be a whole number from ${min} to ${max}`,
    },
  });
}

function AreSources() {
  return ValidateBy({
    name: 'areSources',
    validator: {
      validate: (value) => typeof value === 'string' && typeof parseSources(value) !== 'string',
      defaultMessage: (args) => {
        const problem = typeof args?.value === 'string' ? parseSources(args.value) : 'is not set';
        return `AGGREGATOR_SOURCES ${typeof problem === 'string' ? problem : ''}: give name=url pairs separated by commas (langkat=http://10.0.0.5:3000,deli=http://10.0.0.6:3000)`;
      },
    },
  });
}

const whole = Transform(({ value }) => (value === undefined ? undefined : Number(value)));

/**
 * Every setting the aggregator reads (README, The provincial aggregator), validated once at
 * start-up as the API's are: a bad value stops the process with a message naming the variable.
 */
export class AggregatorEnvironment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @AreSources()
  AGGREGATOR_SOURCES: string;

  @whole
  @IsWhole(0, 65535)
  PORT = 3100;

  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  /** A PostgreSQL server; without it, an embedded cluster of the aggregator's own under DATA_DIR. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  DATABASE_URL?: string;

  /** Not the API's `./data`: the aggregator's cluster is its own, never a regency's. */
  @IsString()
  DATA_DIR = './data-aggregator';

  /** How long a caught-up source waits before asking again for its feed and head. */
  @whole
  @IsWhole(50, 3_600_000)
  AGGREGATOR_POLL_MS = 2000;

  /** The longest one request to a source may take, body included (a slow or endless source is cut off here). */
  @whole
  @IsWhole(100, 600_000)
  AGGREGATOR_REQUEST_TIMEOUT_MS = 10_000;

  /** The largest body read from a source; more is garbage by definition (a feed page of 500 items is far less). */
  @whole
  @IsWhole(1024, 256 * 1024 * 1024)
  AGGREGATOR_MAX_BODY_BYTES = 8 * 1024 * 1024;

  /** Items asked for per feed page (the API's own maximum is 500). */
  @whole
  @IsWhole(1, 500)
  AGGREGATOR_PAGE_SIZE = 500;

  /** Once caught up, follow each source's live feed (Server-Sent Events) instead of asking every AGGREGATOR_POLL_MS. */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'AGGREGATOR_LIVE must be true or false' })
  AGGREGATOR_LIVE = true;

  /** A live feed silent this long is given up for pages (the ledger sends a heartbeat every 15 s). */
  @whole
  @IsWhole(1000, 3_600_000)
  AGGREGATOR_LIVE_IDLE_MS = 45_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** AGGREGATOR_SOURCES, parsed. */
  sources: Source[];
}

export function validateAggregatorEnvironment(raw: Record<string, unknown>): AggregatorEnvironment {
  const environment = plainToInstance(AggregatorEnvironment, raw, { exposeDefaultValues: true, excludeExtraneousValues: false });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0)
    throw new AggregatorConfigurationError(`Invalid configuration: ${errors.map((error) => describe(error, raw[error.property])).join('; ')}`);
  environment.sources = parseSources(environment.AGGREGATOR_SOURCES) as Source[];
  return environment;
}

function describe(error: ValidationError, given: unknown): string {
  const message = Object.values(error.constraints ?? {})[0] ?? 'is not valid';
  const named = message.startsWith(error.property) ? message : `${error.property}: ${message}`;
  // URLs may carry credentials: their values are not repeated into a log.
  const secret = /URL|SOURCES/.test(error.property);
  return given === undefined || secret ? named : `${named} (it is ${JSON.stringify(typeof given === 'string' ? given.slice(0, 60) : given)})`;
}
