import { Controller, Get, Header, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { opdCodeFrom, OpdYearAddress, OpdYearFromPath } from '../http/opd-year-address';
import { XLSX_TYPE } from '../http/sheets/export-format';
import { Spreadsheet, SpreadsheetUploadGuard, UploadedSpreadsheet, uploadField } from '../http/uploads/spreadsheet-upload';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { WriteResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { mayWritePlan } from './plan-policies';
import { PlanDocumentQuery } from './plan-document.query';
import { planLocation, planTarget } from './plan-target';
import { goalsOf } from './plan-goals';
import { validPlanContent } from './plan-import';
import { planTemplateWorkbook } from './plan-template';
import { readPlanWorkbook } from './plan-workbook';
import { PlanContentDto, StartRevisionDto } from './plan.dto';

/**
 * A plan from the spreadsheet a unit already keeps (docs/api.md, Plan import): the same
 * commands the JSON writes send, through the same Writer, after the same validation.
 */
@ApiTags('Performance plans')
@ApiBearerAuth()
@Controller('api/v1/opds/:code/plans')
export class PlanImportController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
  ) {}

  @Get('import-template.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'The empty template, with an example row', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @Header('Content-Type', XLSX_TYPE)
  @Header('Content-Disposition', 'attachment; filename="template-rencana-kinerja.xlsx"')
  template(@Param('code') code: string): Promise<Buffer> {
    opdCodeFrom(code);
    return planTemplateWorkbook();
  }

  /**
   * No plan yet: a draft (201). An approved plan: a revision proposal, its `reasonCategory` and
   * `reason` sent as fields beside the file (201). Any other state: the content replaced, as
   * `PUT` does (200), or refused as `PUT` would be.
   */
  @Post(':year/import')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  // Below WriteEndpoint, so that it runs first: the Idempotency-Key's fingerprint covers the file.
  @UseGuards(SpreadsheetUploadGuard)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, reasonCategory: { type: 'string' }, reason: { type: 'string' } },
    },
  })
  async importPlan(
    @OpdYearFromPath() address: OpdYearAddress,
    @Spreadsheet() upload: UploadedSpreadsheet,
    @Req() request: FastifyRequest,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const content = await readPlanWorkbook(upload.bytes);
    // From the log, not the read models: a plan approved a moment ago is revised, never replaced.
    const { document: current } = await this.queries.execute(new PlanDocumentQuery(address.opdCode, address.year));
    if (!current) {
      const body = await validPlanContent<PlanContentDto>(content, null);
      const data = { opd: await this.queries.execute(new OpdStatusQuery(address.opdCode)), year: address.year, goals: goalsOf(body) };
      return this.writer.decide(reply, write, { ...planTarget(address), location: planLocation(address) }, mayWritePlan, { type: 'DraftPlan', data });
    }
    if (current.status === 'APPROVED') {
      const revision = { reasonCategory: uploadField(request, 'reasonCategory'), reason: uploadField(request, 'reason') };
      const body = await validPlanContent<StartRevisionDto>(content, revision);
      const data = { reasonCategory: body.reasonCategory, reason: body.reason, goals: goalsOf(body) };
      return this.writer.decide(reply, write, planTarget(address), mayWritePlan, { type: 'StartRevision', data });
    }
    const body = await validPlanContent<PlanContentDto>(content, null);
    void reply.status(200);
    return this.writer.decide(reply, write, planTarget(address), mayWritePlan, { type: 'ReplacePlanContent', data: { goals: goalsOf(body) } });
  }
}
