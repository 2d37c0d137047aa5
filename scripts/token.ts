/**
 * Mints a development token signed with AUTH_JWT_SECRET (or the development secret):
 *   npm run token -- --role opd_operator --opd DINKES [--sub u1] [--name "…"] [--nip 1980…] [--hours 8]
 * --role may be repeated. It refuses what the server would refuse (see --help).
 */
import { DEVELOPMENT_JWT_SECRET } from '@app/config';
import { SignJWT } from 'jose';
import { parseArgs } from 'node:util';
import { ROLES } from '../apps/api/src/auth/principal';

const OPD_CODE = /^[A-Z0-9-]{2,32}$/;
const NIP = /^\d{18}$/;
const OPD_ROLES = ['opd_operator', 'opd_head'];

const HELP = `Mints a development token for the API.

  npm run token -- --role <role> [--role <role>…] [--opd <CODE>] [--nip <18 digits>] [--sub <id>] [--name <text>] [--hours <n>]

  --role   one of ${ROLES.join(', ')} (repeatable)
  --opd    the OPD an opd_operator or opd_head acts for: 2 to 32 capitals, digits or dashes, like DINKES
  --nip    the employee or appraiser's NIP: 18 digits
  --hours  how long it lives, 1 to AUTH_MAX_TOKEN_HOURS (${maxHours()} here); default 8
  --sub    the subject (default dev-<roles>); --name a display name

Signed with AUTH_JWT_SECRET, or the development secret when it is not set.`;

function maxHours(): number {
  const raw = process.env.AUTH_MAX_TOKEN_HOURS;
  return raw === undefined || !/^\d+$/.test(raw) ? 24 : Number(raw);
}

class Refusal extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h' },
      role: { type: 'string', multiple: true, default: [] },
      opd: { type: 'string' },
      nip: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const roles = values.role ?? [];
  if (roles.length === 0) throw new Refusal(`--role is required: one of ${ROLES.join(', ')}`);
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role)) throw new Refusal(`--role ${role} is not a role the server knows: use one of ${ROLES.join(', ')}`);
  }
  if (values.opd !== undefined && !OPD_CODE.test(values.opd)) {
    throw new Refusal(`--opd ${values.opd} is not an OPD code: 2 to 32 capitals, digits or dashes, like ${values.opd.toUpperCase()}`);
  }
  const opdRole = roles.find((role) => OPD_ROLES.includes(role));
  if (opdRole && values.opd === undefined) throw new Refusal(`--role ${opdRole} acts for one OPD: add --opd <CODE>, like --opd DINKES`);
  if (values.nip !== undefined && !NIP.test(values.nip)) throw new Refusal(`--nip ${values.nip} is not an 18-digit NIP`);
  const hours = Number(values.hours);
  if (!Number.isInteger(hours) || hours < 1 || hours > maxHours()) {
    throw new Refusal(`--hours ${values.hours} is refused: the server accepts tokens of 1 to ${maxHours()} hours (AUTH_MAX_TOKEN_HOURS)`);
  }
  const secret = new TextEncoder().encode(process.env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET);
  const token = await new SignJWT({
    roles,
    ...(values.name ? { name: values.name } : {}),
    ...(values.opd ? { opd: values.opd } : {}),
    ...(values.nip ? { nip: values.nip } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(values.sub ?? `dev-${roles.join('-')}`)
    .setIssuedAt()
    .setExpirationTime(`${hours}h`)
    .sign(secret);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  // parseArgs's own refusals (an unknown option) are as readable as ours: one line, no stack.
  console.error(`token: ${error instanceof Error ? error.message : String(error)} (npm run token -- --help)`);
  process.exit(2);
});
