import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, ApiPageResponse, CurrentUser, Page, Principal } from '@app/common';
import { EVIDENCE_METHOD_LABELS, EVIDENCE_TYPE_LABELS, EVIDENCE_TYPES } from './evidence-types';
import {
  EvidenceKindsResponse,
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

  /** The log's kinds of rows and ways of recording, with their Vietnamese names (the list's filters). */
  @Get('types')
  @Access('authenticated')
  @ApiOkResponse({ type: EvidenceKindsResponse })
  types(): EvidenceKindsResponse {
    return {
      types: EVIDENCE_TYPES.filter((t) => t !== 'test.event').map((value) => ({
        value,
        label: EVIDENCE_TYPE_LABELS[value],
      })),
      methods: Object.entries(EVIDENCE_METHOD_LABELS).map(([value, label]) => ({ value, label })),
    };
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
