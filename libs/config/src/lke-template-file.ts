import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LkeTemplateFault, LoadedLkeTemplate, parseLkeTemplate } from '@app/domain/zi';

/** Why the template cannot be used; validateEnvironment turns it into the ConfigurationError that stops the start. */
export class LkeTemplateFileError extends Error {
  override readonly name = 'LkeTemplateFileError';
}

export const DEFAULT_LKE_TEMPLATE = 'LKE-ZI-PERMENPANRB-90-2021.json';

/**
 * The repository's `lke/` folder, from wherever this file runs (the sources under ts-node and
 * jest, or `dist/` after a build): the default template is data the repository ships.
 */
function repositoryTemplate(): string {
  for (let folder = __dirname; folder !== dirname(folder); folder = dirname(folder)) {
    const candidate = join(folder, 'lke', DEFAULT_LKE_TEMPLATE);
    if (existsSync(candidate)) return candidate;
  }
  throw new LkeTemplateFileError(`Invalid configuration: the default LKE template lke/${DEFAULT_LKE_TEMPLATE} is missing; set LKE_TEMPLATE_FILE`);
}

/**
 * The LKE template in force (docs/domain.md, ZI 3): LKE_TEMPLATE_FILE, or the repository's
 * default. A file that cannot be read, is no JSON or breaks a rule of the template stops the
 * start, naming the file and the fault. The SHA-256 is of the file's bytes, as every assessment records it.
 */
export function loadLkeTemplate(setting: string | undefined): LoadedLkeTemplate {
  const file = setting ?? repositoryTemplate();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new LkeTemplateFileError(
      `Invalid configuration: LKE_TEMPLATE_FILE names ${file}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new LkeTemplateFileError(`Invalid configuration: LKE_TEMPLATE_FILE ${file} is not JSON`);
  }
  try {
    return { ...parseLkeTemplate(json), sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    if (error instanceof LkeTemplateFault) throw new LkeTemplateFileError(`Invalid configuration: LKE_TEMPLATE_FILE ${file}: ${error.message}`);
    throw error;
  }
}
