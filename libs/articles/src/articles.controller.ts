import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, ApiPageResponse, CurrentUser, IdParamDto, Page, Principal } from '@app/common';
import {
  ArticleResponse,
  ArticleRevisionResponse,
  CorrectRadioScriptDto,
  CreateArticleDto,
  ImportArticlesDto,
  ImportArticlesResponse,
  ListArticlesQueryDto,
  PublishArticleDto,
  RadioScriptCorrectionResponse,
  ReasonDto,
  UpdateArticleDto,
} from './article.dto';
import { RADIO_SCRIPT_CORRECTORS } from './articles.roles';
import { ArticlesService } from './articles.service';

@ApiTags('Tin bài')
@ApiBearerAuth()
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Post()
  @Access('editor', 'admin')
  @ApiCreatedResponse({ type: ArticleResponse })
  create(@CurrentUser() user: Principal, @Body() dto: CreateArticleDto): Promise<ArticleResponse> {
    return this.articles.create(user, dto);
  }

  @Post('import')
  @Access('admin')
  @ApiCreatedResponse({ type: ImportArticlesResponse })
  import(@CurrentUser() user: Principal, @Body() dto: ImportArticlesDto): Promise<ImportArticlesResponse> {
    return this.articles.import(user, dto);
  }

  @Get()
  @Access('authenticated')
  @ApiPageResponse(ArticleResponse)
  list(@CurrentUser() user: Principal, @Query() query: ListArticlesQueryDto): Promise<Page<ArticleResponse>> {
    return this.articles.list(user, query);
  }

  @Get(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: ArticleResponse })
  get(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<ArticleResponse> {
    return this.articles.get(user, params.id);
  }

  @Get(':id/revisions')
  @Access('authenticated')
  @ApiOkResponse({ type: [ArticleRevisionResponse] })
  revisions(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<ArticleRevisionResponse[]> {
    return this.articles.revisions(user, params.id);
  }

  @Patch(':id')
  @Access('editor', 'admin')
  @ApiOkResponse({ type: ArticleResponse })
  update(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: UpdateArticleDto,
  ): Promise<ArticleResponse> {
    return this.articles.update(user, params.id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Access('editor', 'admin')
  @ApiOkResponse({ type: ArticleResponse })
  submit(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<ArticleResponse> {
    return this.articles.submit(user, params.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Access('approver', 'admin')
  @ApiOkResponse({ type: ArticleResponse })
  approve(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<ArticleResponse> {
    return this.articles.approve(user, params.id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Access('approver', 'admin')
  @ApiOkResponse({ type: ArticleResponse })
  reject(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: ReasonDto,
  ): Promise<ArticleResponse> {
    return this.articles.reject(user, params.id, dto.reason);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access('approver', 'admin')
  @ApiOkResponse({ type: ArticleResponse })
  publish(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: PublishArticleDto,
  ): Promise<ArticleResponse> {
    return this.articles.publish(user, params.id, dto);
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @Access('approver', 'admin')
  @ApiOkResponse({ type: ArticleResponse })
  unpublish(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: ReasonDto,
  ): Promise<ArticleResponse> {
    return this.articles.unpublish(user, params.id, dto.reason);
  }

  /**
   * Corrects the spoken text of an approved or published article (operator, approver, unit admin) without
   * sending it back; the portal text is untouched and no audio is made (the answer says where to ask).
   */
  @Put(':id/radio-script')
  @Access(...RADIO_SCRIPT_CORRECTORS)
  @ApiOkResponse({ type: RadioScriptCorrectionResponse })
  correctRadioScript(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: CorrectRadioScriptDto,
  ): Promise<RadioScriptCorrectionResponse> {
    return this.articles.correctRadioScript(user, params.id, dto);
  }
}
