import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { IntegrityCheckpoints } from '@app/event-store';
import { sendPublicCsv } from '../http/sheets/public-csv';
import { closedSurveysSheet } from './survey.sheet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { theRoleSuffices } from '../auth/policies';
import { newResourceId, Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { AnonymousWrite } from '../http/anonymous-writes';
import { sendCacheable } from '../http/public-cache';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { WriteResult } from '../http/write-result';
import { ClosedSurveysQuery, GetSurveyQuery, SurveyStateQuery } from './survey-queries';
import { noSuchSurvey, responseTarget, surveyCodeFrom } from './survey-target';
import { AnswerSurveyDto, SurveyListQuery } from './survey.dto';
import { PublicSurveyListView, publicSurvey, PublicSurveyView } from './survey.views';

/**
 * Surveys for anyone: the questions of an open survey, an anonymous answer to it, and closed
 * surveys' results. Nothing here names a respondent; the profile is bands, shown as counts.
 */
@ApiTags('Public')
@Public()
@Controller('public/v1/surveys')
export class PublicSurveysController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
    private readonly checkpoints: IntegrityCheckpoints,
  ) {}

  @Get()
  @ApiOkResponse({ type: PublicSurveyListView })
  async list(@Query() filter: SurveyListQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const surveys = await this.queries.execute(new ClosedSurveysQuery(filter));
    await sendCacheable(request, reply, JSON.stringify({ items: surveys.map(publicSurvey) }), 'application/json; charset=utf-8');
  }

  /** Closed surveys' results as open data, as the scorecards are (docs/api.md, Public). */
  @Get('results.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    content: { 'text/csv': { schema: { type: 'string' } } },
    description: "Closed surveys' results, a survey a row, after two # lines naming their source and the integrity head",
  })
  async resultsCsv(@Query() filter: SurveyListQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [items, head] = await Promise.all([this.queries.execute(new ClosedSurveysQuery(filter)), this.checkpoints.head()]);
    const fileName = [filter.opd ?? 'semua', filter.year ?? 'semua'];
    await sendPublicCsv(request, reply, closedSurveysSheet, { items }, { path: '/public/v1/surveys', fileName }, head);
  }

  @Get(':surveyCode')
  @ApiOkResponse({ type: PublicSurveyView })
  async get(@Param('surveyCode') surveyCodeParameter: string): Promise<PublicSurveyView> {
    const survey = await this.queries.execute(new GetSurveyQuery(surveyCodeFrom(surveyCodeParameter)));
    if (!survey) throw noSuchSurvey();
    return publicSurvey(survey);
  }

  @Post(':surveyCode/responses')
  @AnonymousWrite('survey')
  @WriteEndpoint(201)
  @ApiTooManyRequestsResponse({ description: 'More than ANONYMOUS_WRITES_PER_MINUTE answers from this address in a minute' })
  async answer(
    @Param('surveyCode') surveyCodeParameter: string,
    @Body() body: AnswerSurveyDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const survey = await this.queries.execute(new SurveyStateQuery(surveyCodeFrom(surveyCodeParameter)));
    const { gender, ageBand, education } = body.respondent ?? {};
    const respondent = body.respondent ? { gender: gender ?? null, ageBand: ageBand ?? null, education: education ?? null } : null;
    const data = { responseId: newResourceId(write, 'survey-response'), survey, answers: body.answers, respondent };
    return this.writer.decide(reply, write, responseTarget(data.responseId), theRoleSuffices, { type: 'AnswerSurvey', data });
  }
}
