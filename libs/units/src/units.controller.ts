import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, IdParamDto, Page, Principal } from '@app/common';
import { CreateUnitDto, ListUnitsQueryDto, UnitResponse, UpdateUnitDto } from './unit.dto';
import { UnitsService } from './units.service';

@ApiTags('Đơn vị')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Post()
  @Access('systemAdmin')
  create(@CurrentUser() user: Principal, @Body() dto: CreateUnitDto): Promise<UnitResponse> {
    return this.units.create(user, dto);
  }

  @Get()
  @Access('authenticated')
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
  update(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: UpdateUnitDto,
  ): Promise<UnitResponse> {
    return this.units.update(user, params.id, dto);
  }
}
