import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, ApiPageResponse, CurrentUser, Page, Principal } from '@app/common';
import {
  EvidenceResponse,
  ListEvidenceQueryDto,
  VerifyEvidenceQueryDto,
  VerifyEvidenceResponse,
} from './evidence.dto';
import { EvidenceService } from './evidence.service';

@ApiTags('Chứng cứ')
@ApiBearerAuth()
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get()
  @Access('authenticated')
  @ApiPageResponse(EvidenceResponse)
  list(
    @CurrentUser() user: Principal,
    @Query() query: ListEvidenceQueryDto,
  ): Promise<Page<EvidenceResponse>> {
    return this.evidence.list(user, query);
  }

  @Get('verify')
  @Access('authenticated')
  @ApiOkResponse({ type: VerifyEvidenceResponse })
  verify(
    @CurrentUser() user: Principal,
    @Query() query: VerifyEvidenceQueryDto,
  ): Promise<VerifyEvidenceResponse> {
    return this.evidence.verifyFor(user, query.unitId);
  }
}
