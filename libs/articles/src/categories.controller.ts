import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, Principal, UnitIdParamDto } from '@app/common';
import { CategoryResponse, CreateCategoryDto } from './article.dto';
import { CategoriesService } from './categories.service';

@ApiTags('Chuyên mục')
@ApiBearerAuth()
@Controller('units/:unitId/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: [CategoryResponse] })
  list(@CurrentUser() user: Principal, @Param() params: UnitIdParamDto): Promise<CategoryResponse[]> {
    return this.categories.list(user, params.unitId);
  }

  @Post()
  @Access('admin')
  @ApiCreatedResponse({ type: CategoryResponse })
  create(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Body() dto: CreateCategoryDto,
  ): Promise<CategoryResponse> {
    return this.categories.create(user, params.unitId, dto);
  }
}
