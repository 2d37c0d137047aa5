import { IntegrityCheckpoints } from '@app/event-store';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IntegrityCheckpointView } from './integrity-checkpoint.view';
import { Public } from '../auth/auth.decorators';
import { notFound } from '../http/problem';

/**
 * The latest integrity checkpoint, for anyone to keep: whoever holds a head can later check
 * that nothing before it was rewritten (`npm run verify`, or their own recomputation).
 */
@ApiTags('Public')
@Public()
@Controller('public/v1/integrity')
export class PublicIntegrityController {
  constructor(private readonly checkpoints: IntegrityCheckpoints) {}

  @Get('head')
  @ApiOkResponse({ type: IntegrityCheckpointView })
  async head(): Promise<IntegrityCheckpointView> {
    const head = await this.checkpoints.head();
    if (!head) throw notFound('No integrity checkpoint has been recorded yet');
    return head;
  }
}
