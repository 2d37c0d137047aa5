import { WbsState } from '@app/domain/wbs';
import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { fileFollowable } from '../auth/followable-filing';
import { WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { WriteResult } from '../http/write-result';
import { theFollowSecretSuffices } from './wbs-policies';
import { WbsPersonalData } from './wbs-personal-data';
import { WbsReporter } from './wbs-reporter';
import { newWbsTarget, wbsTarget } from './wbs-target';
import { FileWbsReportDto } from './wbs.dto';

export type WbsFiled = WriteResult & { trackingCode: string; followSecret: string | null };

/** The reporter's writes, from JSON (public-wbs.controller.ts) or the portal's plain form alike. */
@Injectable()
export class WbsFiling {
  constructor(
    private readonly writer: Writer,
    private readonly personalData: WbsPersonalData,
    private readonly reporter: WbsReporter,
  ) {}

  file(reply: FastifyReply, write: WriteContext, body: FileWbsReportDto): Promise<WbsFiled> {
    const report = {
      allegation: body.allegation,
      concerning: body.concerning,
      when: body.when ?? null,
      where: body.where ?? null,
      evidenceUrls: body.evidenceUrls ?? [],
      identity: body.identity ? { name: body.identity.name, contact: body.identity.contact } : null,
    };
    return fileFollowable(write.options.requestId, (trackingCode, secret) =>
      this.writer.decide(
        reply,
        write,
        newWbsTarget(trackingCode, this.personalData.codec),
        theFollowSecretSuffices,
        { type: 'FileWbsReport', data: { trackingCode, followSecretHash: secret.followSecretHash, ...report } },
        (state: WbsState) => secret.answer(trackingCode, state.status === 'NONE' ? null : state.followSecretHash),
      ),
    );
  }

  /** The reporter's message, once the secret is proven (the same 404 otherwise). */
  async message(reply: FastifyReply, write: WriteContext, trackingCodeParameter: string, followSecret: string | undefined, text: string): Promise<WriteResult> {
    const { trackingCode } = await this.reporter.prove(trackingCodeParameter, followSecret);
    return this.writer.decide(reply, write, wbsTarget(trackingCode, this.personalData.codec), theFollowSecretSuffices, {
      type: 'PostWbsMessage',
      data: { from: 'REPORTER', text },
    });
  }
}
