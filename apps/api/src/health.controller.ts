import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '@app/common';
import { QueueService } from '@app/queue';

class HealthResponse {
  @ApiProperty({ enum: ['ok', 'down'] }) status!: 'ok' | 'down';
  @ApiProperty({ enum: ['ok', 'down'] }) db!: 'ok' | 'down';
  @ApiProperty({ enum: ['ok', 'down'] }) queue!: 'ok' | 'down';
}

@ApiTags('Hệ thống')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
  ) {}

  /** 200 when the database and the queue answer, 503 otherwise (for load balancers and monitors). */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthResponse })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const db = await this.dataSource
      .query('SELECT 1')
      .then(() => 'ok' as const)
      .catch(() => 'down' as const);
    const queue = (await this.queue.healthy()) ? ('ok' as const) : ('down' as const);
    const status = db === 'ok' && queue === 'ok' ? 'ok' : 'down';
    void reply
      .status(status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .header('cache-control', 'no-store');
    return { status, db, queue };
  }
}
