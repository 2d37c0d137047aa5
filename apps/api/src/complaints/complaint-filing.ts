import { WorkingCalendar } from '@app/domain';
import { ComplaintCommand, ComplaintState } from '@app/domain/complaint';
import { requireActiveOpd } from '@app/domain/opd';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { fileFollowable } from '../auth/followable-filing';
import { CommandBody, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { invalidParameter } from '../http/problem';
import { WriteResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { ComplaintPersonalData } from './complaint-personal-data';
import { theFollowSecretSuffices } from './complaint-policies';
import { ComplaintReporter } from './complaint-reporter';
import { complaintTarget, newComplaintTarget } from './complaint-target';
import { FileComplaintDto, ReporterMessageDto } from './complaint.dto';

export type ComplaintFiled = WriteResult & { trackingCode: string; followSecret: string | null };

/**
 * The reporter's writes, the same whether they come as JSON (public-complaints.controller.ts) or
 * from the portal's plain form (portal/lapor.controller.ts): the filing with its code and
 * secret, and the answers, objection or confirmation sent with the secret.
 */
@Injectable()
export class ComplaintFiling {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
    private readonly personalData: ComplaintPersonalData,
    private readonly reporter: ComplaintReporter,
    private readonly calendar: WorkingCalendar,
  ) {}

  async file(reply: FastifyReply, write: WriteContext, body: FileComplaintDto): Promise<ComplaintFiled> {
    if (body.opdCode) requireActiveOpd(await this.queries.execute(new OpdStatusQuery(body.opdCode)));
    const contact = body.contact ? { name: body.contact.name ?? null, email: body.contact.email ?? null, phone: body.contact.phone ?? null } : null;
    return fileFollowable(write.options.requestId, (trackingCode, secret) =>
      this.writer.decide(
        reply,
        write,
        newComplaintTarget(trackingCode, this.personalData.codec),
        theFollowSecretSuffices,
        {
          type: 'FileComplaint',
          data: {
            calendar: this.calendar,
            trackingCode,
            followSecretHash: secret.followSecretHash,
            kind: body.kind,
            opdCode: body.opdCode ?? null,
            subject: body.subject,
            text: body.text,
            location: body.location ?? null,
            contact,
            publicText: body.publicText,
          },
        },
        (state: ComplaintState) => secret.answer(trackingCode, state.status === 'NONE' ? null : state.followSecretHash),
      ),
    );
  }

  /** The reporter's message, once the secret is proven (the same 404 otherwise). */
  async message(
    reply: FastifyReply,
    write: WriteContext,
    trackingCodeParameter: string,
    followSecret: string | undefined,
    body: ReporterMessageDto,
  ): Promise<WriteResult> {
    const { trackingCode } = await this.reporter.prove(trackingCodeParameter, followSecret);
    return this.writer.decide(reply, write, complaintTarget(trackingCode, this.personalData.codec), theFollowSecretSuffices, this.reporterCommand(body));
  }

  /** `{ text }` answers a question, `{ confirm: true }` accepts the response, `{ object: true, text }` objects once. */
  private reporterCommand({ text, confirm, object }: ReporterMessageDto): CommandBody<ComplaintCommand> {
    if (confirm && text === undefined && !object) return { type: 'ConfirmComplaint', data: {} };
    if (object && text !== undefined && !confirm) return { type: 'ObjectToComplaint', data: { calendar: this.calendar, text } };
    if (text !== undefined && !confirm && !object) return { type: 'AnswerComplaintQuestion', data: { calendar: this.calendar, text } };
    throw invalidParameter('body', 'send { text }, { confirm: true } or { object: true, text }');
  }
}
