import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Public } from '../auth/auth.decorators';
import { notFound } from '../http/problem';
import { entityTag, notModified } from '../http/public-cache';
import { ASSETS_PATH, FAVICON_PATH } from './portal-links';
import { withPortalHeaders } from './security-headers';

interface Asset {
  body: Buffer;
  type: string;
  tag: string;
}

const asset = (path: string, type: string): Asset => {
  const body = readFileSync(path);
  return { body, type, tag: entityTag(body) };
};

/**
 * The portal's scripts, styles and icon, from this process: the page works with no internet. A fixed
 * list read once at start-up (chart.js's UMD build from its package, our own two files), so no
 * request can name any other file.
 */
// chart.js's exports name no subpath; its UMD build sits beside the entry point.
const CHART_JS_DIST = dirname(require.resolve('chart.js'));
const ASSETS: Record<string, Asset> = {
  'chart.umd.min.js': asset(join(CHART_JS_DIST, 'chart.umd.min.js'), 'text/javascript; charset=utf-8'),
  'portal.js': asset(join(__dirname, 'assets/portal.js'), 'text/javascript; charset=utf-8'),
  'portal.css': asset(join(__dirname, 'assets/portal.css'), 'text/css; charset=utf-8'),
  'favicon.svg': asset(join(__dirname, 'assets/favicon.svg'), 'image/svg+xml'),
};

@ApiExcludeController()
@Public()
@Controller()
export class PortalAssetsController {
  @Get(`${ASSETS_PATH}/:name`)
  async asset(@Param('name') name: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const found = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!found) throw notFound('No such asset');
    await sendAsset(request, reply, found);
  }

  /** Where a browser looks for an icon by itself, on any page of this origin (the JSON answers too): the portal's own. */
  @Get(FAVICON_PATH)
  async favicon(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendAsset(request, reply, ASSETS['favicon.svg']);
  }
}

async function sendAsset(request: FastifyRequest, reply: FastifyReply, found: Asset): Promise<void> {
  withPortalHeaders(reply).header('ETag', found.tag).header('Cache-Control', 'public, max-age=3600');
  if (notModified(request, found.tag)) await reply.status(304).send();
  else await reply.status(200).header('Content-Type', found.type).send(found.body);
}
