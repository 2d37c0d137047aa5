import { Environment } from '@app/config';
import { questionsToAsk } from '@app/domain/survey';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { operatorOfTheUnit } from '../auth/policies';
import { Principal } from '../auth/principal';
import { Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { opdCodeFrom } from '../http/opd-year-address';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { WriteResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { requireMayReadSurveys } from './survey-policies';
import { GetSurveyQuery, SurveyAnswer } from './survey-queries';
import { newSurveyCode, newSurveyTarget, noSuchSurvey, surveyCodeFrom, surveyTarget } from './survey-target';
import { OpenSurveyDto } from './survey.dto';
import { SurveyOpenedView, SurveyView } from './survey.views';

/** A unit's surveys as the unit runs them (docs/api.md, Participation). */
@ApiTags('Surveys')
@ApiBearerAuth()
@Controller('api/v1/opds/:code/surveys')
export class SurveysController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
    private readonly environment: Environment,
  ) {}

  @Post()
  @Roles('opd_operator')
  @WriteEndpoint(201, SurveyOpenedView)
  async open(
    @Param('code') code: string,
    @Body() body: OpenSurveyDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult & { surveyCode: string }> {
    const opdCode = opdCodeFrom(code);
    const surveyCode = newSurveyCode(write);
    const asked = questionsToAsk(body.kind, this.environment.lkeTemplate.surveySets);
    const data = { ...body, surveyCode, asked, opd: await this.queries.execute(new OpdStatusQuery(opdCode)) };
    const result = await this.writer.decide(reply, write, newSurveyTarget(surveyCode, opdCode), operatorOfTheUnit, { type: 'OpenSurvey', data });
    return { ...result, surveyCode };
  }

  @Post(':surveyCode/close')
  @Roles('opd_operator')
  @WriteEndpoint(200)
  close(
    @Param('code') code: string,
    @Param('surveyCode') surveyCodeParameter: string,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const opdCode = opdCodeFrom(code);
    const target = surveyTarget(surveyCodeFrom(surveyCodeParameter));
    // Another unit's survey under this unit's path is no survey of this unit's.
    const ofThisUnit = { ...target, subject: (state: Parameters<typeof target.subject>[0]) => ofUnit(target.subject(state), opdCode) };
    return this.writer.decide(reply, write, ofThisUnit, operatorOfTheUnit, { type: 'CloseSurvey', data: {} });
  }

  @Get(':surveyCode')
  @Roles('opd_operator', 'opd_head', 'inspector')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: SurveyView })
  async get(@Param('code') code: string, @Param('surveyCode') surveyCodeParameter: string, @CurrentPrincipal() principal: Principal): Promise<SurveyAnswer> {
    const opdCode = opdCodeFrom(code);
    const survey = await this.queries.execute(new GetSurveyQuery(surveyCodeFrom(surveyCodeParameter)));
    if (!survey || survey.opdCode !== opdCode) throw noSuchSurvey();
    requireMayReadSurveys(principal, opdCode);
    return survey;
  }
}

function ofUnit(subject: { opdCode: string }, opdCode: string): { opdCode: string } {
  if (subject.opdCode !== opdCode) throw noSuchSurvey();
  return subject;
}
