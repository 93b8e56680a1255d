import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, download, FILE_TYPES, Principal } from '@app/common';
import { FigureRowsQueryDto, FigureRowsResponse, SummaryQueryDto, SummaryResponse } from './reports.dto';
import { DocumentsService } from './documents.service';
import { CreateDocumentDto, ReportModelResponse } from './documents.dto';
import { SummaryService } from './summary.service';
import { HomeService } from './home.service';
import { FigureResponse, MonthsQueryDto, MonthsResponse, TodosQueryDto, TodosResponse } from './home.dto';

const BINARY = { schema: { type: 'string', format: 'binary' } };

@ApiTags('Báo cáo')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly summaries: SummaryService,
    private readonly documents: DocumentsService,
    private readonly home: HomeService,
  ) {}

  /** Every figure of the summary with its Vietnamese label: the admin app's names for them. */
  @Get('figures')
  @Access('authenticated')
  @ApiOkResponse({ type: [FigureResponse] })
  figures(): FigureResponse[] {
    return this.home.figures();
  }

  /** Tin bài and lượt phát sóng month by month of a year (the home screen's chart). */
  @Get('months')
  @Access('authenticated')
  @ApiOkResponse({ type: MonthsResponse })
  months(@CurrentUser() user: Principal, @Query() query: MonthsQueryDto): Promise<MonthsResponse> {
    return this.home.months(user, query.unitId, query.year);
  }

  /** What waits for someone in the unit today. */
  @Get('todos')
  @Access('authenticated')
  @ApiOkResponse({ type: TodosResponse })
  todos(@CurrentUser() user: Principal, @Query() query: TodosQueryDto): Promise<TodosResponse> {
    return this.home.todos(user, query.unitId);
  }

  /** The annual report (template `cchc-propaganda-annual`) as a Word document in the Nghị định 30/2020 format. */
  @Post('documents')
  @Access('authenticated')
  @HttpCode(200)
  @ApiProduces(FILE_TYPES.docx)
  @ApiOkResponse(BINARY)
  async document(@CurrentUser() user: Principal, @Body() dto: CreateDocumentDto): Promise<StreamableFile> {
    const file = await this.documents.docx(user, dto);
    return download(file.bytes, file.fileName, 'docx');
  }

  /** The same report as blocks of text, for a preview before downloading. */
  @Post('documents/preview')
  @Access('authenticated')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportModelResponse })
  preview(@CurrentUser() user: Principal, @Body() dto: CreateDocumentDto): Promise<ReportModelResponse> {
    return this.documents.model(user, dto);
  }

  /** Every figure of design.md §6 for a unit (with includeChildren, its tree) and a period. */
  @Get('summary')
  @Access('authenticated')
  @ApiOkResponse({ type: SummaryResponse })
  summary(@CurrentUser() user: Principal, @Query() query: SummaryQueryDto): Promise<SummaryResponse> {
    return this.summaries.summary(user, query);
  }

  /** The same figures as a workbook: one row for the unit (the total of its tree) and one per child. */
  @Get('summary.xlsx')
  @Access('authenticated')
  @ApiProduces(FILE_TYPES.xlsx)
  @ApiOkResponse(BINARY)
  async summaryXlsx(
    @CurrentUser() user: Principal,
    @Query() query: SummaryQueryDto,
  ): Promise<StreamableFile> {
    const file = await this.summaries.summaryFile(user, query, 'xlsx');
    return download(file.bytes, file.fileName, 'xlsx');
  }

  @Get('summary.csv')
  @Access('authenticated')
  @ApiProduces(FILE_TYPES.csv)
  @ApiOkResponse(BINARY)
  async summaryCsv(@CurrentUser() user: Principal, @Query() query: SummaryQueryDto): Promise<StreamableFile> {
    const file = await this.summaries.summaryFile(user, query, 'csv');
    return download(file.bytes, file.fileName, 'csv');
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
