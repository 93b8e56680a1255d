import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, Principal } from '@app/common';
import { FigureRowsQueryDto, FigureRowsResponse, SummaryQueryDto, SummaryResponse } from './reports.dto';
import { SummaryService } from './summary.service';

@ApiTags('Báo cáo')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly summaries: SummaryService) {}

  /** Every figure of design.md §6 for a unit (with includeChildren, its tree) and a period. */
  @Get('summary')
  @Access('authenticated')
  @ApiOkResponse({ type: SummaryResponse })
  summary(@CurrentUser() user: Principal, @Query() query: SummaryQueryDto): Promise<SummaryResponse> {
    return this.summaries.summary(user, query);
  }

  /** The rows behind one figure of the summary (the same query and `figure`, e.g. `radio.airings`). */
  @Get('figure-rows')
  @Access('authenticated')
  @ApiOkResponse({ type: FigureRowsResponse })
  figureRows(
    @CurrentUser() user: Principal,
    @Query() query: FigureRowsQueryDto,
  ): Promise<FigureRowsResponse> {
    return this.summaries.figureRows(user, query);
  }
}
