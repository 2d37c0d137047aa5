import { AGE_BANDS, EDUCATIONS, GENDERS, SurveyResponseCommand } from '@app/domain/survey';
import { DomainError } from '@app/domain';
import { resourceIdFor } from '@app/event-store';
import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { theRoleSuffices } from '../auth/policies';
import { Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { AnonymousWrite } from '../http/anonymous-writes';
import { surveyPageHref } from './survey-page-href';
import { SurveyStateQuery } from './survey-queries';
import { responseTarget, surveyCodeFrom } from './survey-target';

/** The form's own field for its one-time key: a random UUID the page put in it. */
const KEY_FIELD = 'kunci';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const QUESTION_CODE = /^[A-Z][A-Z0-9]{0,7}$/;
const PROFILE: Record<'gender' | 'ageBand' | 'education', readonly string[]> = { gender: GENDERS, ageBand: AGE_BANDS, education: EDUCATIONS };

/**
 * The portal's survey form posts here (docs/api.md, Portal): a plain HTML form, no JavaScript, so
 * the answer goes the way of the JSON endpoint's (the same decider, the same per-address limit)
 * and the browser is sent back to the survey's page (303) saying it was recorded or what was
 * wrong. The page's one-time key names the answer's stream, so a form sent twice (a double
 * click, a reload) records one answer.
 */
@ApiExcludeController()
@Public()
@Controller('survei')
export class SurveyFormController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
  ) {}

  @Post(':surveyCode')
  @AnonymousWrite('survey', { formBody: true })
  async answer(
    @Param('surveyCode') surveyCodeParameter: string,
    @Body() form: Record<string, string> | undefined,
    @Write() write: WriteContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const surveyCode = surveyCodeFrom(surveyCodeParameter);
    const fields = form ?? {};
    const lang = fields.lang;
    const back = (outcome?: 'terkirim' | 'galat') => reply.redirect(surveyPageHref(surveyCode, outcome, lang), 303);
    const answers = Object.fromEntries(
      Object.entries(fields)
        .filter(([name]) => QUESTION_CODE.test(name))
        .map(([name, value]) => [name, /^[1-4]$/.test(value) ? Number(value) : Number.NaN]),
    );
    const profile = Object.fromEntries((Object.keys(PROFILE) as Array<keyof typeof PROFILE>).map((field) => [field, fields[field] || null]));
    const badProfile = Object.entries(profile).some(([field, value]) => value !== null && !PROFILE[field as keyof typeof PROFILE].includes(value));
    if (!UUID.test(fields[KEY_FIELD] ?? '') || badProfile) return back('galat');
    const survey = await this.queries.execute(new SurveyStateQuery(surveyCode));
    const respondent = (Object.values(profile).some((value) => value !== null) ? profile : null) as SurveyResponseCommand['data']['respondent'];
    const data = { responseId: resourceIdFor(`survey-form:${surveyCode}:${fields[KEY_FIELD]}`, 'survey-response'), survey, answers, respondent };
    try {
      await this.writer.decide(reply, write, responseTarget(data.responseId), theRoleSuffices, { type: 'AnswerSurvey', data });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The same form again: its answer is recorded, which is what the respondent wants to hear.
      if (error.code === 'ALREADY_EXISTS') return back('terkirim');
      // A closed or unknown survey: its page says so.
      return back(error.code === 'VALIDATION_FAILED' ? 'galat' : undefined);
    }
    return back('terkirim');
  }
}
