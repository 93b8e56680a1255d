import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Access,
  ApiPageResponse,
  CurrentUser,
  IdParamDto,
  Page,
  Principal,
  UnitIdParamDto,
} from '@app/common';
import {
  ActivityResponse,
  CreateActivityDto,
  ListActivitiesQueryDto,
  ListPlansQueryDto,
  PropagandaPlanDto,
  PropagandaPlanResponse,
} from './records.dto';
import { ReportRecordsService } from './records.service';
import { ReportTextsDto, ReportTextsParamDto, ReportTextsResponse } from './documents.dto';
import { ReportTextsService } from './report-texts.service';

@ApiTags('Báo cáo')
@ApiBearerAuth()
@Controller()
export class ReportRecordsController {
  constructor(
    private readonly records: ReportRecordsService,
    private readonly texts: ReportTextsService,
  ) {}

  /** The written parts of the unit's annual report (saved, else last year's, else the suggested text). */
  @Get('units/:unitId/report-texts/:year')
  @Access('authenticated')
  @ApiOkResponse({ type: ReportTextsResponse })
  getTexts(
    @CurrentUser() user: Principal,
    @Param() params: ReportTextsParamDto,
  ): Promise<ReportTextsResponse> {
    return this.texts.get(user, params.unitId, params.year);
  }

  @Put('units/:unitId/report-texts/:year')
  @Access('authenticated')
  @ApiOkResponse({ type: ReportTextsResponse })
  putTexts(
    @CurrentUser() user: Principal,
    @Param() params: ReportTextsParamDto,
    @Body() dto: ReportTextsDto,
  ): Promise<ReportTextsResponse> {
    return this.texts.put(user, params.unitId, params.year, dto);
  }

  @Post('units/:unitId/activities')
  @Access('authenticated')
  @ApiCreatedResponse({ type: ActivityResponse })
  addActivity(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Body() dto: CreateActivityDto,
  ): Promise<ActivityResponse> {
    return this.records.addActivity(user, params.unitId, dto);
  }

  @Get('units/:unitId/activities')
  @Access('authenticated')
  @ApiPageResponse(ActivityResponse)
  listActivities(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Query() query: ListActivitiesQueryDto,
  ): Promise<Page<ActivityResponse>> {
    return this.records.listActivities(user, params.unitId, query);
  }

  @Delete('activities/:id')
  @Access('authenticated')
  @HttpCode(204)
  @ApiNoContentResponse()
  removeActivity(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<void> {
    return this.records.removeActivity(user, params.id);
  }

  @Post('units/:unitId/propaganda-plans')
  @Access('authenticated')
  @ApiCreatedResponse({ type: PropagandaPlanResponse })
  createPlan(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Body() dto: PropagandaPlanDto,
  ): Promise<PropagandaPlanResponse> {
    return this.records.createPlan(user, params.unitId, dto);
  }

  @Get('units/:unitId/propaganda-plans')
  @Access('authenticated')
  @ApiOkResponse({ type: [PropagandaPlanResponse] })
  listPlans(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Query() query: ListPlansQueryDto,
  ): Promise<PropagandaPlanResponse[]> {
    return this.records.listPlans(user, params.unitId, query.year);
  }

  @Get('propaganda-plans/:id')
  @Access('authenticated')
  @ApiOkResponse({ type: PropagandaPlanResponse })
  getPlan(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<PropagandaPlanResponse> {
    return this.records.getPlan(user, params.id);
  }

  @Put('propaganda-plans/:id')
  @Access('authenticated')
  @ApiOkResponse({ type: PropagandaPlanResponse })
  updatePlan(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: PropagandaPlanDto,
  ): Promise<PropagandaPlanResponse> {
    return this.records.updatePlan(user, params.id, dto);
  }

  @Delete('propaganda-plans/:id')
  @Access('authenticated')
  @HttpCode(204)
  @ApiNoContentResponse()
  removePlan(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<void> {
    return this.records.removePlan(user, params.id);
  }
}
