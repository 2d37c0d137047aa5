import { randomUUID } from 'node:crypto';
import { Environment } from '@app/config';
import { Scorecard } from '@app/domain/dashboard';
import { AchievementScale, PublicPlan } from '@app/domain/plan';
import { LoadedLkeTemplate, PublicZiRecord } from '@app/domain/zi';
import { IntegrityCheckpoints } from '@app/event-store';
import { Projections } from '@app/projections';
import { PublicItemRow } from '@app/read-models';
import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { Today } from '../http/request-clock';
import { notFound } from '../http/problem';
import { notModified, PUBLIC_CACHE_CONTROL } from '../http/public-cache';
import { RegencyQuery, ScorecardParticipation, ScorecardParticipationQuery, ScorecardQuery } from '../dashboards';
import { PublicOpd, PublicOpdsQuery } from '../opds';
import { opdCodeFrom, opdYearAddress, yearFrom } from '../http/opd-year-address';
import { planViewSettingsFrom, PublicPlanQuery } from '../plans';
import { feedItemOf, LatestItemsQuery } from '../public-feed';
import { ClosedSurveysQuery, GetSurveyQuery, SurveyAnswer } from '../surveys';
import { PublicZiQuery } from '../zi';
import { PageCache, RenderedPage } from './page-cache';
import { feedPanel } from './pages/feed-panel';
import { integrityPage } from './pages/integrity-page';
import { integrityPanel } from './pages/integrity-panel';
import { laporPage } from './pages/lapor-page';
import { regencyPage } from './pages/regency-page';
import { surveyPage } from './pages/survey-page';
import { unitPage } from './pages/unit-page';
import { ziPage } from './pages/zi-page';
import { langFrom } from './portal-text';
import { PortalErrorFilter } from './portal-error.filter';
import { homeHref, INTEGRITY_PAGE_PATH, LAPOR_PAGE_PATH, unitHref, ZI_PAGE_PATH } from './portal-links';
import { sendUncachedPage, withPortalHeaders } from './security-headers';
import { yearChoices } from './year-choices';

const FEED_ITEMS = 20;
/** A survey code's shape (twelve letters and digits): anything else is no survey, before any read. */
const SURVEY_CODE_SHAPE = /^[A-HJ-NP-Z2-9]{12}$/;

/**
 * The public portal, server-rendered HTML made only of what the public API answers (the same
 * queries: registry, regency ranking, scorecard, public plan, feed, integrity head). Not in the OpenAPI
 * document: pages for people, not an API.
 */
@ApiExcludeController()
@Public()
@UseFilters(PortalErrorFilter)
@Controller()
export class PortalController {
  private readonly scale: AchievementScale;
  private readonly timeZone: string;
  private readonly region: string;
  private readonly lkeTemplate: LoadedLkeTemplate;

  constructor(
    private readonly queries: QueryBus,
    private readonly projections: Projections,
    private readonly checkpoints: IntegrityCheckpoints,
    private readonly cache: PageCache,
    environment: Environment,
  ) {
    this.scale = planViewSettingsFrom(environment).achievement.scale;
    this.timeZone = environment.TIME_ZONE;
    this.region = environment.REGION_NAME;
    this.lkeTemplate = environment.lkeTemplate;
  }

  @Get()
  async regency(
    @Query('year') yearParameter: string | undefined,
    @Query('lang') langParameter: string | undefined,
    @Today() today: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const year = pageYear(yearParameter, today);
    const lang = langFrom(langParameter);
    const rendered = await this.cached(`regency|${year}|${lang}|${today}`, async (head) => {
      const [items, latest, units]: [Scorecard[], PublicItemRow[], PublicOpd[]] = await Promise.all([
        this.queries.execute(new RegencyQuery(year, today)),
        this.queries.execute(new LatestItemsQuery(FEED_ITEMS)),
        this.queries.execute(new PublicOpdsQuery()),
      ]);
      return regencyPage({
        lang,
        region: this.region,
        year,
        years: yearChoices(year, today),
        items,
        names: new Map(units.map((unit) => [unit.code, unit.name])),
        scale: this.scale,
        feed: feedPanel(lang, latest.map(feedItemOf), this.timeZone),
        integrity: integrityPanel(lang, head, this.timeZone),
      });
    });
    await send(request, reply, rendered!);
  }

  @Get('opd/:code/:year')
  async unit(
    @Param('code') code: string,
    @Param('year') yearParameter: string,
    @Query('lang') langParameter: string | undefined,
    @Today() today: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { opdCode, year } = opdYearAddress(code, yearParameter, today);
    const lang = langFrom(langParameter);
    const rendered = await this.cached(`unit|${opdCode}|${year}|${lang}|${today}`, async () => {
      const [scorecard, plan, units, surveys, participation]: [Scorecard | null, PublicPlan | null, PublicOpd[], SurveyAnswer[], ScorecardParticipation] =
        await Promise.all([
          this.queries.execute(new ScorecardQuery(opdCode, year, today)),
          this.queries.execute(new PublicPlanQuery(opdCode, year)),
          this.queries.execute(new PublicOpdsQuery()),
          this.queries.execute(new ClosedSurveysQuery({ opd: opdCode, year })),
          this.queries.execute(new ScorecardParticipationQuery(opdCode, year)),
        ]);
      const name = units.find((unit) => unit.code === opdCode)?.name ?? opdCode;
      return scorecard && unitPage({ lang, region: this.region, scorecard, name, plan, scale: this.scale, surveys, complaints: participation.complaints });
    });
    if (rendered === null) throw notFound(`No OPD ${opdCode}`);
    await send(request, reply, rendered);
  }

  @Get(ZI_PAGE_PATH)
  async zi(
    @Query('year') yearParameter: string | undefined,
    @Query('lang') langParameter: string | undefined,
    @Today() today: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const year = pageYear(yearParameter, today);
    const lang = langFrom(langParameter);
    const rendered = await this.cached(`zi|${year}|${lang}|${today}`, async () => {
      const [records, units]: [PublicZiRecord[], PublicOpd[]] = await Promise.all([
        this.queries.execute(new PublicZiQuery(year)),
        this.queries.execute(new PublicOpdsQuery()),
      ]);
      return ziPage({
        lang,
        region: this.region,
        year,
        years: yearChoices(year, today),
        records,
        areas: this.lkeTemplate.areas,
        areaShares: { WBK: this.lkeTemplate.thresholds.WBK.areaShare, WBBM: this.lkeTemplate.thresholds.WBBM.areaShare },
        names: new Map(units.map((unit) => [unit.code, unit.name])),
      });
    });
    await send(request, reply, rendered!);
  }

  /**
   * A survey's public page: the form while it is open, the results once closed. Never cached,
   * by the browser or here: each form carries a one-time key of its own (pages/survey-page.ts).
   */
  @Get('survei/:surveyCode')
  async survey(
    @Param('surveyCode') surveyCodeParameter: string,
    @Query('lang') langParameter: string | undefined,
    @Query('terkirim') sent: string | undefined,
    @Query('galat') failed: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lang = langFrom(langParameter);
    const survey: SurveyAnswer | null = SURVEY_CODE_SHAPE.test(surveyCodeParameter)
      ? await this.queries.execute(new GetSurveyQuery(surveyCodeParameter))
      : null;
    if (!survey) throw notFound('No such survey');
    const units: PublicOpd[] = await this.queries.execute(new PublicOpdsQuery());
    const outcome = sent !== undefined ? 'sent' : failed !== undefined ? 'error' : null;
    const body = surveyPage({
      lang,
      region: this.region,
      survey,
      unitName: units.find((unit) => unit.code === survey.opdCode)?.name ?? survey.opdCode,
      outcome,
      formKey: randomUUID(),
    });
    await sendUncachedPage(reply, 200, body);
  }

  /** The Lapor page's forms; they post to participation/lapor-form.controller.ts. Never cached: each form has a one-time key. */
  @Get(LAPOR_PAGE_PATH)
  async lapor(@Query('lang') langParameter: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const units: PublicOpd[] = await this.queries.execute(new PublicOpdsQuery());
    await sendUncachedPage(reply, 200, laporPage({ lang: langFrom(langParameter), region: this.region, units }));
  }

  @Get(INTEGRITY_PAGE_PATH)
  async integrity(@Query('lang') langParameter: string | undefined, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const lang = langFrom(langParameter);
    const rendered = await this.cached(`integrity|${lang}`, async (head) => integrityPage({ lang, region: this.region, head, timeZone: this.timeZone }));
    await send(request, reply, rendered!);
  }

  /** A unit's address without a year, as people shorten it: this year's page. */
  @Get('opd/:code')
  async unitThisYear(
    @Param('code') code: string,
    @Query('lang') langParameter: string | undefined,
    @Today() today: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await reply.redirect(unitHref(langFrom(langParameter), opdCodeFrom(code), Number(today.slice(0, 4))), 302);
  }

  @Get('opd')
  async units(@Query('lang') langParameter: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    await reply.redirect(homeHref(langFrom(langParameter)), 302);
  }

  /** Any deeper address under /opd is none of the portal's: answered as a page, not as the API's 404. */
  @Get('opd/*')
  unknown(): never {
    throw notFound('No such page');
  }

  /** A page rendered once per state of the read models and the integrity head (PageCache). */
  private async cached(page: string, render: (head: Awaited<ReturnType<IntegrityCheckpoints['head']>>) => Promise<string | null>) {
    const [state, head] = await Promise.all([this.projections.servingCheckpoints(), this.checkpoints.head()]);
    return this.cache.get(`${page}|${state}|${head?.hash ?? ''}`, () => render(head));
  }
}

/** A yearly page's year: the one asked for, else this year. */
const pageYear = (yearParameter: string | undefined, today: string): number =>
  yearParameter === undefined ? Number(today.slice(0, 4)) : yearFrom(yearParameter, today);

/** As the public API sends its answers (ETag, Cache-Control, 304), with the tag kept beside the page. */
async function send(request: FastifyRequest, reply: FastifyReply, { body, tag }: RenderedPage): Promise<void> {
  void withPortalHeaders(reply).header('ETag', tag).header('Cache-Control', PUBLIC_CACHE_CONTROL).header('Vary', 'Accept-Encoding');
  if (notModified(request, tag)) await reply.status(304).send();
  else await reply.status(200).header('Content-Type', 'text/html; charset=utf-8').send(body);
}
