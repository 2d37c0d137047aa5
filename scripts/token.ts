/**
 * Mints a development token signed with AUTH_JWT_SECRET (or the development secret):
 *   npm run token -- --role opd_operator --opd DINKES [--sub u1] [--name "…"] [--nip 1980…] [--hours 8]
 * --role may be repeated.
 */
import { DEVELOPMENT_JWT_SECRET } from '@app/config';
import { SignJWT } from 'jose';
import { parseArgs } from 'node:util';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, default: [] },
      opd: { type: 'string' },
      nip: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  const secret = new TextEncoder().encode(process.env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET);
  const token = await new SignJWT({
    roles: values.role,
    ...(values.name ? { name: values.name } : {}),
    ...(values.opd ? { opd: values.opd } : {}),
    ...(values.nip ? { nip: values.nip } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(values.sub ?? `dev-${(values.role ?? []).join('-') || 'user'}`)
    .setIssuedAt()
    .setExpirationTime(`${Number(values.hours)}h`)
    .sign(secret);
  process.stdout.write(`${token}\n`);
}

void main();
