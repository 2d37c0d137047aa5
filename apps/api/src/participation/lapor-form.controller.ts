import { createHash } from 'node:crypto';
import { Environment } from '@app/config';
import { DomainError } from '@app/domain';
import { Body, Controller, Post, Res, UseFilters } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { Write, WriteContext } from '../commands/write-context';
import { ComplaintFiling, ComplaintReporter, complaintFollowView, FileComplaintDto, ReporterMessageDto } from '../complaints';
import { AnonymousWrite } from '../http/anonymous-writes';
import { ProblemException } from '../http/problem';
import { Today } from '../http/request-clock';
import { PublicOpd, PublicOpdsQuery } from '../opds';
import { FileWbsReportDto, WbsFiling, WbsMessageDto, WbsReporter, wbsFollowView } from '../wbs';
import {
  FollowedReport,
  formProblem,
  FormValues,
  Lang,
  langFrom,
  LAPOR_PAGE_PATH,
  laporFollowPage,
  laporPage,
  LaporPageData,
  laporReceiptPage,
  laporTextFor,
  PortalErrorFilter,
  sendUncachedPage,
} from '../portal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A form's fields as a DTO of the JSON endpoint takes them, checked by the same rules; each broken one in the page's words. */
async function checked<T extends object>(lang: Lang, type: new () => T, plain: object): Promise<{ value: T; problems: string[] }> {
  const value = plainToInstance(type, plain);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: false });
  const flatten = (error: ValidationError, parent: string): string[] => {
    const path = /^\d+$/.test(error.property) ? parent : parent ? `${parent}.${error.property}` : error.property;
    return [
      ...Object.keys(error.constraints ?? {}).map((constraint) => formProblem(lang, path, constraint)),
      ...(error.children ?? []).flatMap((child) => flatten(child, path)),
    ];
  };
  return { value, problems: [...new Set(errors.flatMap((error) => flatten(error, '')))] };
}

const optional = (text: string | undefined) => (text === undefined || text.trim() === '' ? undefined : text);

/**
 * The text fields of what came: a plain form's body is a flat object of strings, but these
 * routes take JSON too, where a field may be a number, a list or an object. Those are not text a
 * form could have sent, so they are left out and the rules then say what is missing.
 */
function formFields(body: unknown): FormValues {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * The portal's Lapor forms post here (docs/api.md, The portal), as the survey form posts to the
 * surveys slice: the portal only renders, the write side writes. A citizen files a complaint or
 * a WBS report, or follows one, without JavaScript and without an account; the filings go the
 * JSON endpoints' way (the same DTO rules, the same services, the same per-address limits). Every answer is `no-store`: a receipt holds the secret, shown once, and
 * a follow page carries it in its reply forms; the secret only ever travels in POST bodies.
 */
@ApiExcludeController()
@Public()
@UseFilters(PortalErrorFilter)
@Controller(LAPOR_PAGE_PATH)
export class LaporFormController {
  private readonly region: string;

  constructor(
    private readonly queries: QueryBus,
    private readonly complaints: ComplaintFiling,
    private readonly complaintReporter: ComplaintReporter,
    private readonly whistleblowing: WbsFiling,
    private readonly wbsReporter: WbsReporter,
    environment: Environment,
  ) {
    this.region = environment.REGION_NAME;
  }

  @Post('pengaduan')
  @AnonymousWrite('complaint', { formBody: true })
  async fileComplaint(@Body() form: unknown, @Write() write: WriteContext, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(form);
    const lang = langFrom(fields.lang);
    const contact = { name: optional(fields.contactName), email: optional(fields.contactEmail), phone: optional(fields.contactPhone) };
    const { value, problems } = await checked(lang, FileComplaintDto, {
      kind: fields.kind,
      opdCode: optional(fields.opdCode),
      subject: fields.subject,
      text: fields.text,
      location: optional(fields.location),
      contact: Object.values(contact).some((part) => part !== undefined) ? contact : undefined,
      publicText: fields.publicText === 'ya',
    });
    if (problems.length > 0 || !UUID.test(fields.kunci ?? '')) return this.sendForms(reply, lang, 400, { form: 'complaint', values: fields, problems });
    await this.file(reply, lang, fields, 'complaint', () => this.complaints.file(reply, this.formWrite(write, 'complaint', fields.kunci), value));
  }

  @Post('wbs')
  @AnonymousWrite('wbs', { formBody: true })
  async fileWbs(@Body() form: unknown, @Write() write: WriteContext, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(form);
    const lang = langFrom(fields.lang);
    const identity = { name: optional(fields.identityName), contact: optional(fields.identityContact) };
    const evidenceUrls = (fields.evidenceUrls ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const { value, problems } = await checked(lang, FileWbsReportDto, {
      allegation: fields.allegation,
      concerning: fields.concerning,
      when: optional(fields.when),
      where: optional(fields.where),
      evidenceUrls: evidenceUrls.length ? evidenceUrls : undefined,
      identity: identity.name !== undefined || identity.contact !== undefined ? identity : undefined,
    });
    if (problems.length > 0 || !UUID.test(fields.kunci ?? '')) return this.sendForms(reply, lang, 400, { form: 'wbs', values: fields, problems });
    await this.file(reply, lang, fields, 'wbs', () => this.whistleblowing.file(reply, this.formWrite(write, 'wbs', fields.kunci), value));
  }

  @Post('lacak')
  @AnonymousWrite('complaint-follow', { formBody: true })
  async follow(@Body() form: unknown, @Today() today: string, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(form);
    const lang = langFrom(fields.lang);
    const report = await this.open(fields.kode ?? '', fields.rahasia ?? '', today);
    if (!report) return this.sendForms(reply, lang, 404, { form: 'follow', values: { kode: fields.kode ?? '' }, problems: [laporTextFor(lang).notFound] });
    await this.sendPage(reply, 200, laporFollowPage({ lang, region: this.region, report, followSecret: fields.rahasia! }));
  }

  @Post('pesan')
  @AnonymousWrite('complaint', { formBody: true })
  async message(@Body() form: unknown, @Write() write: WriteContext, @Today() today: string, @Res() reply: FastifyReply): Promise<void> {
    const fields = formFields(form);
    const lang = langFrom(fields.lang);
    const text = laporTextFor(lang);
    const [code, secret, teks] = [fields.kode ?? '', fields.rahasia ?? '', optional(fields.teks)];
    const wbs = fields.jenis === 'wbs';
    const said = fields.aksi === 'terima' ? { confirm: true as const } : fields.aksi === 'keberatan' ? { object: true as const, text: teks } : { text: teks };
    // The JSON endpoints' own rules (a message's length above all), in the page's words.
    const { value, problems } = wbs ? await checked(lang, WbsMessageDto, { text: teks }) : await checked(lang, ReporterMessageDto, said);
    let notice = problems.length ? { ok: false, text: problems.join('; ') } : { ok: true, text: text.sent };
    let status = problems.length ? 400 : 200;
    if (notice.ok) {
      try {
        if (wbs) await this.whistleblowing.message(reply, write, code, secret, (value as WbsMessageDto).text);
        else await this.complaints.message(reply, write, code, secret, value as ReporterMessageDto);
      } catch (error) {
        if (!(error instanceof DomainError) && !(error instanceof ProblemException)) throw error;
        notice = { ok: false, text: text.refused };
        status = 422;
      }
    }
    const report = await this.open(code, secret, today, [wbs ? 'wbs' : 'complaint']);
    if (!report) return this.sendForms(reply, lang, 404, { form: 'follow', values: { kode: code }, problems: [text.notFound] });
    await this.sendPage(reply, status, laporFollowPage({ lang, region: this.region, report, followSecret: secret, notice }));
  }

  /**
   * The report the pair opens, a complaint's or a WBS report's. Following, both doors are tried,
   * always, so the time taken says nothing of which kind a code is, or whether it is one; after
   * a message, whose pair is proven, only its own kind's. A door that fails for another reason
   * than the pair (the database down) fails the request: it is not "no such report".
   */
  private async open(
    code: string,
    secret: string,
    today: string,
    kinds: ReadonlyArray<FollowedReport['kind']> = ['complaint', 'wbs'],
  ): Promise<FollowedReport | null> {
    const doors = {
      complaint: async (): Promise<FollowedReport> => ({
        kind: 'complaint',
        view: complaintFollowView(await this.complaintReporter.open(code, secret), today),
      }),
      wbs: async (): Promise<FollowedReport> => ({ kind: 'wbs', view: wbsFollowView(await this.wbsReporter.open(code, secret)) }),
    };
    const tried = await Promise.allSettled(kinds.map((kind) => doors[kind]()));
    for (const outcome of tried) if (outcome.status === 'fulfilled') return outcome.value;
    const failed = tried.find(
      (outcome) => outcome.status === 'rejected' && !(outcome.reason instanceof ProblemException && outcome.reason.problem.status === 404),
    );
    if (failed?.status === 'rejected') throw failed.reason;
    return null;
  }

  /** A form's one-time key names its request: the same form sent twice files one report. */
  private formWrite(write: WriteContext, kind: string, formKey: string): WriteContext {
    const requestId = createHash('sha256').update(`lapor-form:${kind}:${formKey}`).digest('hex');
    return { ...write, options: { ...write.options, requestId } };
  }

  private async file(
    reply: FastifyReply,
    lang: Lang,
    fields: FormValues,
    form: 'complaint' | 'wbs',
    filing: () => Promise<{ trackingCode: string; followSecret: string | null }>,
  ) {
    try {
      const { trackingCode, followSecret } = await filing();
      await this.sendPage(reply, 201, laporReceiptPage({ lang, region: this.region, trackingCode, followSecret }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await this.sendForms(reply, lang, 422, { form, values: fields, problems: [error.message] });
    }
  }

  private async sendForms(reply: FastifyReply, lang: Lang, status: number, failed?: LaporPageData['failed']): Promise<void> {
    const units: PublicOpd[] = await this.queries.execute(new PublicOpdsQuery());
    await this.sendPage(reply, status, laporPage({ lang, region: this.region, units, failed }));
  }

  private async sendPage(reply: FastifyReply, status: number, body: string): Promise<void> {
    // Location and ETag name the resource for API clients; a page has neither.
    reply.removeHeader('Location');
    reply.removeHeader('ETag');
    await sendUncachedPage(reply, status, body);
  }
}
