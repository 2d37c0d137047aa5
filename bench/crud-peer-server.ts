/**
 * The CRUD peer for the HTTP bench: what a team would build for the same correction without
 * event sourcing, written as such a team writes NestJS. The same Fastify adapter as the API, a
 * jose HS256 guard, a class-validator DTO through ValidationPipe, a TypeORM repository on a
 * pool of the API's size; a correction locks the quarter's row (SELECT … FOR UPDATE), updates it
 * and inserts an audit row in one transaction; a by-id GET reads the row. No hash chain, no
 * history beyond the audit row, no idempotency, no projections: what the ledger competes with.
 *
 * Env: DATABASE_URL (its tables are crud_peer_*), PORT, CRUD_PEER_POOL_SIZE (default 10),
 * CRUD_PEER_UNITS and CRUD_PEER_YEAR (the rows seeded: one quarter per unit, 10 indicators),
 * AUTH_JWT_SECRET (the development secret otherwise, as the API).
 */
import 'reflect-metadata';
import { createSecretKey } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET } from '@app/config';
import {
  Body,
  CanActivate,
  Controller,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Get,
  Injectable,
  Module,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  UnauthorizedException,
  UseGuards,
  ValidationPipe,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { getRepositoryToken, InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { jwtVerify } from 'jose';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity('crud_peer_realisations')
class Realisation {
  @PrimaryColumn() id: string;
  @Column() opdCode: string;
  @Column('jsonb') values: ValueDto[];
  @Column() revision: number;
  @Column({ type: 'timestamptz' }) updatedAt: Date;
  @Column() updatedBy: string;
}

@Entity('crud_peer_audit')
class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column() realisationId: string;
  @Column() actor: string;
  @Column() reason: string;
  @Column('jsonb') before: ValueDto[];
  @Column('jsonb') after: ValueDto[];
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}

class ValueDto {
  @Matches(/^[A-Z0-9][A-Z0-9._-]{0,31}$/) indicatorCode: string;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e15) value: number;
  @IsOptional() @IsUrl({ protocols: ['https'] }) @MaxLength(2000) evidenceUrl?: string;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

class CorrectionDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ValueDto) values: ValueDto[];
  @IsString() @MinLength(1) @MaxLength(2000) reason: string;
}

interface Principal {
  sub: string;
  roles: string[];
  opd?: string;
}

@Injectable()
class JwtGuard implements CanActivate {
  private readonly secret = createSecretKey(Buffer.from(process.env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, 'utf8'));

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedException();
    try {
      const { payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'], requiredClaims: ['exp'] });
      request.principal = payload as unknown as Principal;
    } catch {
      throw new UnauthorizedException();
    }
    return true;
  }
}

const RequestPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<FastifyRequest & { principal: Principal }>().principal,
);
const idOf = (code: string, year: number, quarter: number) => `${code}-${year}-Q${quarter}`;

@UseGuards(JwtGuard)
@Controller('realisations/:code/:year/:quarter')
class RealisationsController {
  constructor(@InjectRepository(Realisation) private readonly realisations: Repository<Realisation>) {}

  @Get()
  async get(@Param('code') code: string, @Param('year', ParseIntPipe) year: number, @Param('quarter', ParseIntPipe) quarter: number) {
    const row = await this.realisations.findOneBy({ id: idOf(code, year, quarter) });
    if (!row) throw new NotFoundException();
    return row;
  }

  @Post('corrections')
  async correct(
    @Param('code') code: string,
    @Param('year', ParseIntPipe) year: number,
    @Param('quarter', ParseIntPipe) quarter: number,
    @Body() body: CorrectionDto,
    @RequestPrincipal() principal: Principal,
  ) {
    if (!principal.roles?.includes('opd_operator') || principal.opd !== code) throw new ForbiddenException();
    const id = idOf(code, year, quarter);
    return this.realisations.manager.transaction(async (manager) => {
      const row = await manager.findOne(Realisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundException();
      const byCode = new Map(row.values.map((value) => [value.indicatorCode, value]));
      for (const value of body.values) byCode.set(value.indicatorCode, { ...value });
      const after = [...byCode.values()];
      const revision = row.revision + 1;
      await manager.update(Realisation, { id }, { values: after, revision, updatedAt: new Date(), updatedBy: principal.sub });
      await manager.insert(AuditEntry, { realisationId: id, actor: principal.sub, reason: body.reason, before: row.values, after });
      return { id, revision };
    });
  }
}

@Controller('health')
class HealthController {
  @Get('live')
  live() {
    return { status: 'ok' };
  }
}

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: process.env.DATABASE_URL,
      entities: [Realisation, AuditEntry],
      synchronize: true,
      logging: false,
      extra: { max: Number(process.env.CRUD_PEER_POOL_SIZE ?? 10) },
    }),
    TypeOrmModule.forFeature([Realisation, AuditEntry]),
  ],
  controllers: [RealisationsController, HealthController],
  providers: [JwtGuard],
})
class CrudPeerModule {}

async function seed(app: NestFastifyApplication): Promise<void> {
  const realisations = app.get<Repository<Realisation>>(getRepositoryToken(Realisation));
  const units = Number(process.env.CRUD_PEER_UNITS ?? 40);
  const year = Number(process.env.CRUD_PEER_YEAR ?? 2025);
  const values = Array.from({ length: 10 }, (_, k) => ({ indicatorCode: `I${1 + Math.floor(k / 5)}${1 + (k % 5)}`, value: 40 }));
  const rows = Array.from({ length: units }, (_, n) => ({
    id: idOf(`UNIT-${n}`, year, 1),
    opdCode: `UNIT-${n}`,
    values,
    revision: 0,
    updatedAt: new Date(),
    updatedBy: 'seed',
  }));
  await realisations.upsert(rows, ['id']);
}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(CrudPeerModule, new FastifyAdapter({ logger: false }), {
    // An answer the bench counts as non-2xx leaves its cause on the bench's stderr.
    logger: ['error'],
  });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.init();
  await seed(app);
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
