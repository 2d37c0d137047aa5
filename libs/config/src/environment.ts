import { readFileSync } from 'node:fs';
import { isLkjipDueSetting } from '@app/domain/lkjip';
import { BPK_OPINIONS, GRADES, LoadedLkeTemplate, PrerequisiteRule, ZiTarget } from '@app/domain/zi';
import { LkeTemplateFileError, loadLkeTemplate } from './lke-template-file';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsTimeZone, Matches, MaxLength, MinLength, ValidateBy, validateSync, ValidationError } from 'class-validator';

/** A configuration that cannot run: its message names the setting and what it takes. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** One message per setting: "abc" is not a number, which says more than three range messages. */
function IsWhole(min: number, max: number) {
  return ValidateBy({
    name: 'isWhole',
    validator: {
      validate: (value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
      defaultMessage: (args) => `${args?.property} must be a whole number from ${min} to ${max}`,
    },
  });
}

function IsNumberFrom(min: number, max: number) {
  return ValidateBy({
    name: 'isNumberFrom',
    validator: {
      validate: (value) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max,
      defaultMessage: (args) => `${args?.property} must be a number from ${min} to ${max}, like ${min + 20}`,
    },
  });
}

function IsPort() {
  return ValidateBy({
    name: 'isPort',
    validator: {
      validate: (value) => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535,
      defaultMessage: () => 'PORT must be a port number (1 to 65535, or 0 for any free port)',
    },
  });
}

/** Each predikat once, in either order: `WBK:<opinion>/<SAKIP>/<Indeks RB>,WBBM:…`. */
const ZI_RULE = `(${BPK_OPINIONS.join('|')})/(${GRADES.join('|')})/(${GRADES.join('|')})`;
const ZI_PREREQUISITES_PATTERN = new RegExp(`^(WBK:${ZI_RULE},WBBM:${ZI_RULE}|WBBM:${ZI_RULE},WBK:${ZI_RULE})$`);

/**
 * Every setting the service reads, validated once at start-up. A bad value stops the process
 * with a message that names the variable; nothing reads process.env elsewhere.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsPort()
  PORT = 3000;

  /** The interface the API listens on; 127.0.0.1 keeps it to this machine. */
  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  /** A PostgreSQL server; without it the service runs its own PostgreSQL cluster under DATA_DIR. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = './data';

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(1, 200)
  DATABASE_POOL_SIZE = 10;

  /** Where events live: PostgreSQL (the database above) or an EventStoreDB/KurrentDB cluster. */
  @IsIn(['postgres', 'eventstoredb'])
  EVENT_STORE: 'postgres' | 'eventstoredb' = 'postgres';

  @IsOptional()
  @IsString()
  EVENTSTORE_CONNECTION_STRING?: string;

  /**
   * Signs and verifies HS256 tokens. Outside production a fixed development secret applies
   * when it is not set (the token script uses it too); production refuses to start without it.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  AUTH_JWT_SECRET?: string;

  /** A JSON Web Key Set (an OIDC provider's) whose RS256 tokens are accepted too. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/)
  AUTH_JWKS_URL?: string;

  /**
   * The longest a token may live: `exp − iat` (or `exp − now` without `iat`, or with an `iat`
   * in the future) above this is a 401. A token without `exp` is refused too: a leaked token
   * must stop working on its own.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(1, 8760)
  AUTH_MAX_TOKEN_HOURS = 24;

  /**
   * The bearer token a Prometheus scrape of /metrics must send. Unset, /metrics is open in
   * development and test and absent (404) in production.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** An integrity checkpoint is recorded after this many new events… */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(1, 100000)
  INTEGRITY_CHECKPOINT_EVENTS = 1000;

  /** …or after this many seconds when there are new events. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(0, 86400)
  INTEGRITY_CHECKPOINT_SECONDS = 60;

  /**
   * The region whose ledger this is, as its people name it ("Kabupaten Langkat"): the portal's
   * header, the feed's title and the printed LKjIP's cover ("PEMERINTAH KABUPATEN LANGKAT").
   * The default is a placeholder a deployment is meant to replace.
   */
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  @Matches(/^\S(?:[^\p{Cc}]*\S)?$/u, { message: 'REGION_NAME must be one line of text, like Kabupaten Langkat' })
  REGION_NAME = 'Kabupaten Contoh';

  /**
   * The proxies in front of the API whose `X-Forwarded-For` names the client (addresses, CIDRs,
   * or `loopback`, `linklocal`, `uniquelocal`, comma-separated). Unset, the socket's peer is the
   * client: behind a proxy every citizen would then share the proxy's rate limit.
   */
  @IsOptional()
  @Matches(/^(?:[0-9a-fA-F.:/]+|loopback|linklocal|uniquelocal)(?:,(?:[0-9a-fA-F.:/]+|loopback|linklocal|uniquelocal))*$/, {
    message: 'TRUSTED_PROXIES must be addresses or CIDRs like 10.0.0.0/8,127.0.0.1 (or loopback, linklocal, uniquelocal)',
  })
  TRUSTED_PROXIES?: string;

  /**
   * Writes without a token (a complaint, a WBS report, a survey answer) one client address may
   * make per minute on each kind of write; past it, 429 with Retry-After.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(1, 100000)
  ANONYMOUS_WRITES_PER_MINUTE = 20;

  /** The time zone whose calendar decides due dates and overdue flags (WIB by default). */
  @IsString()
  @IsTimeZone()
  TIME_ZONE = 'Asia/Jakarta';

  /** Achievement values are capped at this before they enter an average (docs/domain.md). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsNumberFrom(100, 1000)
  ACHIEVEMENT_CAP = 120;

  /** The category scale's name, shown in every plan read model. */
  @Matches(/^[A-Z0-9_]{1,64}$/)
  ACHIEVEMENT_SCALE = 'PERMENDAGRI_86_2017';

  /**
   * A region's own scale, highest band first: `BAIK:91,CUKUP:66,KURANG:0`. Required when
   * ACHIEVEMENT_SCALE names a scale the service does not know.
   */
  @IsOptional()
  @Matches(/^[A-Z_]+:\d+(\.\d+)?(,[A-Z_]+:\d+(\.\d+)?)*$/, { message: 'ACHIEVEMENT_SCALE_BANDS must look like BAIK:91,CUKUP:66,KURANG:0' })
  ACHIEVEMENT_SCALE_BANDS?: string;

  /** A quarter reported more than this many days after it ended is flagged LATE_REPORT. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(0, 366)
  REALISATION_REPORT_DUE_DAYS = 15;

  /** A correction more than this many days after the original report is flagged LATE_CORRECTION. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(0, 366)
  LATE_CORRECTION_DAYS = 30;

  /**
   * The day of the next year an LKjIP is due (`MM-DD`, `03-31`); unset, the end of February.
   * The domain's own rule checks it, so configuration and due date never disagree on `02-29`.
   */
  @IsOptional()
  @ValidateBy({
    name: 'isLkjipDueSetting',
    validator: {
      validate: (value) => typeof value === 'string' && isLkjipDueSetting(value),
      defaultMessage: () => 'LKJIP_DUE must be MM-DD, a day some year has',
    },
  })
  LKJIP_DUE?: string;

  /**
   * An Idempotency-Key whose request has not answered after this long is taken to be
   * abandoned (its process died), and a retry may run it again. The retry cannot land twice:
   * it finds the events the first attempt appended (see handleCommand).
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(1, 3600)
  IDEMPOTENCY_TAKEOVER_SECONDS = 60;

  /**
   * The log is read below the server's oldest running transaction id, in any of its databases:
   * a transaction open longer than this holds back every projection and X-Min-Position, and is
   * then named in /health/ready and logged as a warning (see apps/api/src/observability/log-horizon.ts).
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(1, 86400)
  LOG_HORIZON_WARN_SECONDS = 60;

  /** The stream cache's bound, in MiB of event JSON (0 turns it off); see PostgresEventStore. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(0, 4096)
  STREAM_CACHE_MB = 64;

  /** The by-key read cache's bound, in MiB of JSON (0 turns it off); see ReadCache in libs/projections. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(0, 4096)
  READ_CACHE_MB = 16;

  /**
   * At the live end of the log, a projection starts at most one batch per this many ms while
   * writes keep coming: fewer, larger batches cost each write less (one transaction and one
   * write of each touched row per batch). A projection that was idle applies a write at once,
   * and a read waiting with X-Min-Position in the process that runs the projections hurries
   * them; one in another process waits up to this much longer. 0 applies every write at once.
   */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(0, 10000)
  PROJECTION_BATCH_INTERVAL_MS = 250;

  /** Run the projections inside this process (default) or leave them to apps/projector. */
  @Transform(({ value }) => (value === undefined ? undefined : value === true || value === 'true' || value === '1'))
  @IsBoolean()
  PROJECTIONS_INLINE = true;

  /**
   * The deployment key (32 bytes, base64) that wraps every data subject's key (libs/personal-data).
   * Required in production; elsewhere a key file under DATA_DIR is generated on first start.
   * Never logged: a bad value is reported by name only.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'PERSONAL_DATA_KEY must be 32 bytes in base64 (44 characters)' })
  PERSONAL_DATA_KEY?: string;

  /** How many years after an SKP's year its employee's data must be kept (erasure is refused until then). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(0, 100)
  SKP_RETENTION_YEARS = 5;

  /** How many days after a WBS report is CLOSED its reporter's identity (and words) are erased (docs/domain.md, Whistleblowing 3). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsWhole(0, 36500)
  WBS_IDENTITY_RETENTION_DAYS = 365;

  /**
   * The region's holidays, which working-day deadlines skip (docs/domain.md, Working days):
   * `2026-08-17,2026-12-25`, or `@/etc/kinerja/holidays.txt` naming a file with one date a line
   * (`#` starts a comment). Unset, only weekends are skipped.
   */
  @IsOptional()
  @Matches(/^(@.+|\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*)$/, { message: 'HOLIDAYS must be dates like 2026-08-17,2026-12-25 or @file naming a file of dates' })
  HOLIDAYS?: string;

  /**
   * The most a gift on an occasion may be worth, per giver, to be a candidate for exemption from
   * gratification reporting (Peraturan KPK 2/2019 as amended by 1/2026), in whole rupiah.
   */
  @Matches(/^(WEDDING|CEREMONY|COLLEAGUE|OFFICIAL|OTHER):\d{1,15}(,(WEDDING|CEREMONY|COLLEAGUE|OFFICIAL|OTHER):\d{1,15})*$/, {
    message:
      'GRATIFICATION_EXEMPTIONS must look like WEDDING:1500000,CEREMONY:1500000,COLLEAGUE:500000 (occasions WEDDING, CEREMONY, COLLEAGUE, OFFICIAL, OTHER)',
  })
  GRATIFICATION_EXEMPTIONS = 'WEDDING:1500000,CEREMONY:1500000,COLLEAGUE:500000';

  /** Derived from HOLIDAYS: the dates, read from the file when it names one. */
  holidays: string[] = [];

  /**
   * A region's own LKE template (docs/domain.md, ZI 3): a JSON file shaped as
   * `lke/LKE-ZI-PERMENPANRB-90-2021.json`, which applies when this is unset.
   */
  @IsOptional()
  @IsString()
  LKE_TEMPLATE_FILE?: string;

  /** Derived from LKE_TEMPLATE_FILE: the template checked, with the file's SHA-256. */
  lkeTemplate: LoadedLkeTemplate;

  /**
   * What the regency must hold before it proposes a unit for each predikat (docs/domain.md, ZI
   * 8): the BPK opinion, and the least SAKIP and Indeks RB grades, as `WBK:WTP/B/CC,WBBM:WTP/BB/B`.
   */
  @Matches(ZI_PREREQUISITES_PATTERN, {
    message: `ZI_PREREQUISITES must look like WBK:WTP/B/CC,WBBM:WTP/BB/B (a BPK opinion of ${BPK_OPINIONS.join(', ')}, then SAKIP and Indeks RB grades of ${GRADES.join(', ')}), both predikat once`,
  })
  ZI_PREREQUISITES = 'WBK:WTP/B/CC,WBBM:WTP/BB/B';

  /** Derived from ZI_PREREQUISITES. */
  ziPrerequisiteRules: Record<ZiTarget, PrerequisiteRule>;

  /** Derived: tokens are signed with the secret everyone can read in this repository. */
  usesDevelopmentSecret = false;
}

/** Known to everyone who reads this file: good for a laptop, refused in production. */
export const DEVELOPMENT_JWT_SECRET = 'kinerja-ledger-development-secret-do-not-use-in-production';

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const environment = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigurationError(`Invalid configuration: ${errors.map((error) => describe(error, raw[error.property])).join('; ')}`);
  }
  if (environment.NODE_ENV === 'production' && !environment.AUTH_JWT_SECRET) {
    throw new ConfigurationError(
      'Invalid configuration: AUTH_JWT_SECRET is required when NODE_ENV=production: set it to a random secret of at least 32 characters (openssl rand -base64 32)',
    );
  }
  if (environment.NODE_ENV === 'production' && !environment.PERSONAL_DATA_KEY) {
    throw new ConfigurationError(
      'Invalid configuration: PERSONAL_DATA_KEY is required when NODE_ENV=production: set it to 32 random bytes in base64 (openssl rand -base64 32); README, Personal data',
    );
  }
  environment.AUTH_JWT_SECRET ??= DEVELOPMENT_JWT_SECRET;
  environment.usesDevelopmentSecret = environment.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET;
  environment.holidays = holidaysFrom(environment.HOLIDAYS);
  try {
    environment.lkeTemplate = loadLkeTemplate(environment.LKE_TEMPLATE_FILE);
  } catch (error) {
    if (error instanceof LkeTemplateFileError) throw new ConfigurationError(error.message);
    throw error;
  }
  environment.ziPrerequisiteRules = prerequisiteRulesFrom(environment.ZI_PREREQUISITES);
  const occasions = environment.GRATIFICATION_EXEMPTIONS.split(',').map((entry) => entry.split(':')[0]);
  if (new Set(occasions).size !== occasions.length) {
    throw new ConfigurationError('Invalid configuration: GRATIFICATION_EXEMPTIONS names an occasion twice: give each occasion one limit');
  }
  if (environment.EVENT_STORE === 'eventstoredb' && !environment.EVENTSTORE_CONNECTION_STRING) {
    throw new ConfigurationError('Invalid configuration: EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb');
  }
  return environment;
}

/** ZI_PREREQUISITES, which its pattern has checked, as rules per predikat. */
function prerequisiteRulesFrom(setting: string): Record<ZiTarget, PrerequisiteRule> {
  return Object.fromEntries(
    setting.split(',').map((entry) => {
      const [target, rule] = entry.split(':');
      const [bpkOpinion, minimumSakip, minimumIndeksRb] = rule.split('/');
      return [target, { bpkOpinion, minimumSakip, minimumIndeksRb }];
    }),
  ) as Record<ZiTarget, PrerequisiteRule>;
}

/** HOLIDAYS' dates; a file that cannot be read or holds something else than dates stops the start, naming the line. */
function holidaysFrom(setting: string | undefined): string[] {
  if (!setting) return [];
  if (!setting.startsWith('@')) return checkedDates(setting.split(','), 'HOLIDAYS');
  const file = setting.slice(1);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      `Invalid configuration: HOLIDAYS names ${file}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  const lines = text.split(/\r?\n/).map((line, index) => ({ date: line.replace(/#.*/, '').trim(), where: `${file}:${index + 1}` }));
  return lines.filter((line) => line.date !== '').map((line) => checkedDates([line.date], `HOLIDAYS ${line.where}`)[0]);
}

function checkedDates(dates: string[], where: string): string[] {
  for (const date of dates) {
    const instant = Date.parse(`${date}T00:00:00Z`);
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(instant) && new Date(instant).toISOString().startsWith(date);
    if (!valid) throw new ConfigurationError(`Invalid configuration: ${where}: ${JSON.stringify(date.slice(0, 40))} is not a date like 2026-08-17`);
  }
  return dates;
}

/** The first message only (the one that says what the setting takes), then the value given. */
function describe(error: ValidationError, given: unknown): string {
  const message = Object.values(error.constraints ?? {})[0] ?? 'is not valid';
  const named = message.startsWith(error.property) ? message : `${error.property}: ${message}`;
  // A secret's value is not repeated into a log.
  const secret = /SECRET|TOKEN|PASSWORD|URL|CONNECTION|KEY/.test(error.property);
  return given === undefined || secret ? named : `${named} (it is ${JSON.stringify(typeof given === 'string' ? given.slice(0, 60) : given)})`;
}
