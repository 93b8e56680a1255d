import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AudioAccepted } from '@app/audio';
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
  AiringResponse,
  CreateSlotDto,
  CreateStationDto,
  EditPlanDto,
  EmergencyDto,
  EmergencySpeechDto,
  ListAiringsQueryDto,
  PlanDateParamDto,
  PlanResponse,
  RecordAiringDto,
  SlotResponse,
  StationResponse,
  UpdateSlotDto,
} from './broadcast.dto';
import { AiringsService, RecordedAiring } from './airings.service';
import {
  AIRING_RECORDERS,
  BROADCAST_READERS,
  EMERGENCY_CALLERS,
  PLAN_APPROVERS,
  PLAN_EDITORS,
  STATION_KEEPERS,
} from './broadcast.roles';
import { PlansService } from './plans.service';
import { StationsService } from './stations.service';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Khóa chống trùng do máy gửi tạo (ví dụ UUID): gửi lại cùng khóa chỉ ghi một lượt phát',
};

@ApiTags('Phát sóng')
@ApiBearerAuth()
@Controller()
export class BroadcastController {
  constructor(
    private readonly stations: StationsService,
    private readonly plans: PlansService,
    private readonly airings: AiringsService,
  ) {}

  @Get('units/:unitId/stations')
  @Access(...BROADCAST_READERS)
  @ApiOkResponse({ type: [StationResponse] })
  listStations(@CurrentUser() user: Principal, @Param() params: UnitIdParamDto): Promise<StationResponse[]> {
    return this.stations.list(user, params.unitId);
  }

  /** A new station starts with the default slots, cut to the unit's broadcast policy. */
  @Post('units/:unitId/stations')
  @Access(...STATION_KEEPERS)
  @ApiCreatedResponse({ type: StationResponse })
  createStation(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Body() dto: CreateStationDto,
  ): Promise<StationResponse> {
    return this.stations.create(user, params.unitId, dto);
  }

  @Get('stations/:id/slots')
  @Access(...BROADCAST_READERS)
  @ApiOkResponse({ type: [SlotResponse] })
  listSlots(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<SlotResponse[]> {
    return this.stations.slots(user, params.id);
  }

  @Post('stations/:id/slots')
  @Access(...STATION_KEEPERS)
  @ApiCreatedResponse({ type: SlotResponse })
  addSlot(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: CreateSlotDto,
  ): Promise<SlotResponse> {
    return this.stations.addSlot(user, params.id, dto);
  }

  @Patch('slots/:id')
  @Access(...STATION_KEEPERS)
  @ApiOkResponse({ type: SlotResponse })
  updateSlot(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: UpdateSlotDto,
  ): Promise<SlotResponse> {
    return this.stations.updateSlot(user, params.id, dto);
  }

  @Delete('slots/:id')
  @HttpCode(204)
  @Access(...STATION_KEEPERS)
  @ApiNoContentResponse()
  removeSlot(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<void> {
    return this.stations.removeSlot(user, params.id);
  }

  @Post('stations/:id/plans/:date/generate')
  @Access(...PLAN_EDITORS)
  @ApiCreatedResponse({ type: PlanResponse })
  generate(@CurrentUser() user: Principal, @Param() params: PlanDateParamDto): Promise<PlanResponse> {
    return this.plans.generate(user, params.id, params.date);
  }

  @Get('stations/:id/plans/:date')
  @Access(...BROADCAST_READERS)
  @ApiOkResponse({ type: PlanResponse })
  getPlan(@CurrentUser() user: Principal, @Param() params: PlanDateParamDto): Promise<PlanResponse> {
    return this.plans.get(user, params.id, params.date);
  }

  @Put('stations/:id/plans/:date/items')
  @Access(...PLAN_EDITORS)
  @ApiOkResponse({ type: PlanResponse })
  editPlan(
    @CurrentUser() user: Principal,
    @Param() params: PlanDateParamDto,
    @Body() dto: EditPlanDto,
  ): Promise<PlanResponse> {
    return this.plans.edit(user, params.id, params.date, dto);
  }

  @Post('stations/:id/plans/:date/approve')
  @HttpCode(200)
  @Access(...PLAN_APPROVERS)
  @ApiOkResponse({ type: PlanResponse })
  approve(@CurrentUser() user: Principal, @Param() params: PlanDateParamDto): Promise<PlanResponse> {
    return this.plans.approve(user, params.id, params.date);
  }

  /** An emergency notice airs now, outside the plan, and is logged (`emergency.aired`). */
  @Post('stations/:id/emergency')
  @Access(...EMERGENCY_CALLERS)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: AiringResponse })
  async emergency(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: EmergencyDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AiringResponse> {
    return answer(reply, await this.airings.emergency(user, params.id, dto, key));
  }

  /** Typed text for an emergency, spoken at once: 202 `{audioId, status}`; air it when ready. */
  @Post('stations/:id/emergency/speech')
  @HttpCode(202)
  @Access(...EMERGENCY_CALLERS)
  @ApiAcceptedResponse({ type: AudioAccepted })
  emergencySpeech(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: EmergencySpeechDto,
  ): Promise<AudioAccepted> {
    return this.airings.emergencySpeech(user, params.id, dto);
  }

  /** 201 with the airing; the same Idempotency-Key again (even at the same moment) answers 200 with the same one. */
  @Post('airings')
  @Access(...AIRING_RECORDERS)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: AiringResponse })
  async record(
    @CurrentUser() user: Principal,
    @Body() dto: RecordAiringDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AiringResponse> {
    return answer(reply, await this.airings.record(user, dto, key));
  }

  @Get('airings')
  @Access(...BROADCAST_READERS)
  @ApiPageResponse(AiringResponse)
  listAirings(
    @CurrentUser() user: Principal,
    @Query() query: ListAiringsQueryDto,
  ): Promise<Page<AiringResponse>> {
    return this.airings.list(user, query);
  }
}

function answer(reply: FastifyReply, result: RecordedAiring): AiringResponse {
  if (!result.created) {
    reply.status(200);
    reply.header('Idempotent-Replayed', 'true');
  }
  return result.airing;
}
