import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, IdParamDto, Principal } from '@app/common';
import { PortalService } from './portal.service';

// The preview is shown to editors inside a sandboxed frame; it must never run script either.
const PREVIEW_CSP = "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'";

@ApiTags('Tin bài')
@ApiBearerAuth()
@Controller('articles')
export class PreviewController {
  constructor(private readonly portal: PortalService) {}

  /** The article as the portal will show it (any status), for members of its unit. */
  @Get(':id/preview')
  @Access('authenticated')
  @Header('cache-control', 'no-store')
  @Header('content-security-policy', PREVIEW_CSP)
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'Trang HTML như trên cổng thông tin' })
  async preview(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const html = await this.portal.preview(user, params.id);
    // Set only on success: an error keeps the JSON error shape.
    void reply.type('text/html; charset=utf-8');
    return html;
  }
}
