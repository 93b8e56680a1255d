import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, ApiPageResponse, CurrentUser, IdParamDto, Page, Principal } from '@app/common';
import { CreateUnitDto, ListUnitsQueryDto, UnitResponse, UpdateUnitDto } from './unit.dto';
import { UnitsService } from './units.service';

@ApiTags('Đơn vị')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Post()
  @Access('systemAdmin')
  @ApiCreatedResponse({ type: UnitResponse })
  create(@CurrentUser() user: Principal, @Body() dto: CreateUnitDto): Promise<UnitResponse> {
    return this.units.create(user, dto);
  }

  @Get()
  @Access('authenticated')
  @ApiPageResponse(UnitResponse)
  list(@CurrentUser() user: Principal, @Query() query: ListUnitsQueryDto): Promise<Page<UnitResponse>> {
    return this.units.list(user, query);
  }

  @Get(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: UnitResponse })
  get(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<UnitResponse> {
    return this.units.get(user, params.id);
  }

  @Patch(':id')
  @Access('admin')
  @ApiOkResponse({ type: UnitResponse })
  update(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: UpdateUnitDto,
  ): Promise<UnitResponse> {
    return this.units.update(user, params.id, dto);
  }
}
