import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal, toPage } from '@app/common';
import { EVIDENCE_METHOD_LABELS, EVIDENCE_TYPE_LABELS, type EvidenceType } from '@app/evidence';
import { UnitAccess } from '@app/units';
import { ACTIVITY_LABELS, figure, FIGURES } from './figures';
import { figureCondition } from './figures.sql';
import { dmy, periodOf, type Period } from './period';
import {
  FigureRowResponse,
  FigureRowsQueryDto,
  FigureRowsResponse,
  SummaryQueryDto,
  SummaryResponse,
  UnitSummaryResponse,
} from './reports.dto';
import { ReportsException } from './reports.exception';
import { summaryCsv, summaryFileName, summaryXlsx } from './summary-sheet';
import { addFigures, SummaryRepository, type TreeUnit, type UnitFigures } from './summary.repository';

/** The scope of a report: its unit, the units counted, and each direct child with its own subtree. */
export interface ReportScope {
  unit: TreeUnit;
  period: Period;
  includeChildren: boolean;
  /** Every unit whose rows count (the unit, and its descendants with includeChildren). */
  unitIds: string[];
  children: { unit: TreeUnit; unitIds: string[] }[];
  names: Map<string, string>;
}

/**
 * The summary of design.md §6, counted from the evidence log by the rules of design.md §5, and the rows
 * behind each figure. Every number a report, a spreadsheet or the home screen shows comes from here.
 */
@Injectable()
export class SummaryService {
  constructor(
    private readonly repo: SummaryRepository,
    private readonly access: UnitAccess,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Checks the period and the caller's right to read the unit's reports, and finds the units counted. */
  async scope(
    principal: Principal,
    query: { unitId: string; from: string; to: string; includeChildren?: 'true' | 'false' | boolean },
  ): Promise<ReportScope> {
    const period = periodOf(query.from, query.to);
    if ('field' in period) {
      throw ReportsException.field(period.field, period.message);
    }
    if (!(await this.access.canReadReports(principal, query.unitId))) {
      throw ReportsException.unitNotReadable();
    }
    const includeChildren = query.includeChildren === true || query.includeChildren === 'true';
    const tree = await this.repo.tree(query.unitId, includeChildren);
    const unit = tree.find((u) => u.id === query.unitId);
    if (!unit) {
      throw ReportsException.unitNotFound();
    }
    const below = new Map<string, TreeUnit[]>();
    for (const u of tree) {
      if (u.parentId) {
        below.set(u.parentId, [...(below.get(u.parentId) ?? []), u]);
      }
    }
    const subtree = (id: string): string[] => [id, ...(below.get(id) ?? []).flatMap((c) => subtree(c.id))];
    const children = includeChildren
      ? (below.get(unit.id) ?? [])
          .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
          .map((child) => ({ unit: child, unitIds: subtree(child.id) }))
      : [];
    return {
      unit,
      period,
      includeChildren,
      unitIds: tree.map((u) => u.id),
      children,
      names: new Map(tree.map((u) => [u.id, u.name])),
    };
  }

  async summary(principal: Principal, query: SummaryQueryDto): Promise<SummaryResponse> {
    return this.summaryOf(await this.scope(principal, query));
  }

  /** The summary as a spreadsheet or CSV file. */
  async summaryFile(
    principal: Principal,
    query: SummaryQueryDto,
    format: 'xlsx' | 'csv',
  ): Promise<{ bytes: Buffer; fileName: string }> {
    const scope = await this.scope(principal, query);
    const summary = await this.summaryOf(scope);
    const bytes = format === 'xlsx' ? await summaryXlsx(summary) : summaryCsv(summary);
    return { bytes, fileName: summaryFileName(scope.unit.slug, summary, format) };
  }

  /** The figures of a checked scope (also used by the spreadsheet and the report document). */
  async summaryOf(scope: ReportScope): Promise<SummaryResponse> {
    const own = await this.repo.figures(scope.unitIds, scope.period);
    const sum = (ids: string[]): UnitFigures => addFigures(ids.map((id) => own.get(id)!));
    const response: SummaryResponse = {
      ...shape(scope.unit, scope.period, sum(scope.unitIds)),
      includeChildren: scope.includeChildren,
    };
    if (scope.includeChildren) {
      response.children = scope.children.map((c) => shape(c.unit, scope.period, sum(c.unitIds)));
    }
    return response;
  }

  /** The rows behind one figure, newest first: what a person opens to check a number. */
  async figureRows(principal: Principal, query: FigureRowsQueryDto): Promise<FigureRowsResponse> {
    const scope = await this.scope(principal, query);
    const definition = figure(query.figure)!;
    const value = (await this.summaryOf(scope)) as unknown as Record<string, Record<string, number>>;
    const [group, name] = definition.path.split('.');
    const offset = (query.page - 1) * query.pageSize;
    const params = [scope.unitIds, scope.period.start, scope.period.end, query.pageSize, offset];
    let items: FigureRowResponse[];
    let total: number;
    const source = definition.source;
    if (source.kind === 'evidence') {
      const rowsSql = `SELECT e.* FROM evidence e
              WHERE e.unit_id = ANY($1::uuid[]) AND e.occurred_at >= $2 AND e.occurred_at < $3
                AND ${figureCondition(source)}`;
      const rows: EvidenceSqlRow[] = await this.db.query(
        `SELECT r.*, count(*) OVER () AS total, u.full_name AS actor_name
           FROM (${rowsSql}) r LEFT JOIN users u ON u.id = r.actor_id
          ORDER BY r.occurred_at DESC, r.seq DESC NULLS FIRST
          LIMIT $4 OFFSET $5`,
        params,
      );
      total = rows.length > 0 ? Number(rows[0].total) : await this.countRows(rowsSql, params.slice(0, 3));
      items = rows.map((r) => evidenceRow(r, scope.names));
    } else if (source.kind === 'visits') {
      const rows: { unit_id: string; day: string; views: string; total: string }[] = await this.db.query(
        `SELECT unit_id, to_char(day, 'YYYY-MM-DD') AS day, views, count(*) OVER () AS total FROM portal_visits
          WHERE unit_id = ANY($1::uuid[]) AND day >= $2::date AND day <= $3::date AND views > 0
          ORDER BY day DESC, unit_id LIMIT $4 OFFSET $5`,
        [scope.unitIds, scope.period.from, scope.period.to, query.pageSize, offset],
      );
      total = rows.length > 0 ? Number(rows[0].total) : 0;
      items = rows.map((r) => ({
        ...blankRow(r.unit_id, scope.names),
        id: `${r.unit_id}:${r.day}`,
        source: 'visits',
        typeLabel: 'Lượt truy cập trong ngày',
        occurredAt: new Date(`${r.day}T00:00:00+07:00`),
        title: `Lượt truy cập cổng thông tin ngày ${dmy(r.day)}`,
        quantity: Number(r.views),
      }));
    } else {
      const rows: ActivitySqlRow[] = await this.db.query(
        `SELECT a.id, a.unit_id, to_char(a.date, 'YYYY-MM-DD') AS date, a.quantity, a.description, a.created_at,
                u.full_name AS actor_name, count(*) OVER () AS total
           FROM report_activities a LEFT JOIN users u ON u.id = a.created_by
          WHERE a.unit_id = ANY($1::uuid[]) AND a.date >= $2::date AND a.date <= $3::date AND a.kind = $6
          ORDER BY a.date DESC, a.created_at DESC LIMIT $4 OFFSET $5`,
        [scope.unitIds, scope.period.from, scope.period.to, query.pageSize, offset, source.activity],
      );
      total = rows.length > 0 ? Number(rows[0].total) : 0;
      items = rows.map((r) => ({
        ...blankRow(r.unit_id, scope.names),
        id: r.id,
        source: 'activity',
        typeLabel: ACTIVITY_LABELS[source.activity],
        occurredAt: new Date(`${r.date}T00:00:00+07:00`),
        recordedAt: r.created_at,
        actorName: r.actor_name,
        title: r.description || ACTIVITY_LABELS[source.activity],
        quantity: Number(r.quantity),
      }));
    }
    return {
      figure: definition.path,
      label: definition.label,
      value: value[group][name],
      ...toPage(items, total, query),
    };
  }

  private async countRows(rowsSql: string, params: unknown[]): Promise<number> {
    const rows: { n: string }[] = await this.db.query(`SELECT count(*) AS n FROM (${rowsSql}) r`, params);
    return Number(rows[0].n);
  }
}

interface EvidenceSqlRow {
  id: string;
  unit_id: string;
  type: string;
  occurred_at: Date;
  recorded_at: Date;
  method: string;
  subject_type: string;
  subject_id: string;
  snapshot: Record<string, unknown>;
  hash: string | null;
  actor_name: string | null;
  total: string;
}

interface ActivitySqlRow {
  id: string;
  unit_id: string;
  date: string;
  quantity: number;
  description: string | null;
  created_at: Date;
  actor_name: string | null;
  total: string;
}

function blankRow(unitId: string, names: Map<string, string>): FigureRowResponse {
  return {
    id: '',
    source: 'evidence',
    unitId,
    unitName: names.get(unitId) ?? '',
    type: null,
    typeLabel: '',
    occurredAt: new Date(0),
    recordedAt: null,
    actorName: null,
    method: null,
    methodLabel: null,
    title: '',
    subjectType: null,
    subjectId: null,
    quantity: 1,
    minutes: null,
    snapshot: null,
    hash: null,
  };
}

function evidenceRow(r: EvidenceSqlRow, names: Map<string, string>): FigureRowResponse {
  const snapshot = r.snapshot ?? {};
  const title = [snapshot.title, snapshot.name, snapshot.code].find((v) => typeof v === 'string') as string;
  return {
    ...blankRow(r.unit_id, names),
    id: r.id,
    source: 'evidence',
    type: r.type,
    typeLabel: EVIDENCE_TYPE_LABELS[r.type as EvidenceType] ?? r.type,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    actorName: r.actor_name,
    method: r.method,
    methodLabel: EVIDENCE_METHOD_LABELS[r.method] ?? r.method,
    title: title ?? '',
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    minutes: typeof snapshot.minutes === 'number' ? snapshot.minutes : null,
    snapshot,
    hash: r.hash,
  };
}

/** The API's shape of one unit's figures: `portal.visits` → `{portal: {visits}}`. */
function shape(unit: TreeUnit, period: Period, figures: UnitFigures): UnitSummaryResponse {
  const groups: Record<string, Record<string, unknown>> = { portal: {}, radio: {}, activities: {} };
  for (const f of FIGURES) {
    const [group, name] = f.path.split('.');
    groups[group][name] = figures.values[f.path];
  }
  groups.portal.byCategory = figures.byCategory;
  return {
    unitId: unit.id,
    unitName: unit.name,
    unitKind: unit.kind,
    from: period.from,
    to: period.to,
    portal: groups.portal as unknown as UnitSummaryResponse['portal'],
    radio: groups.radio as unknown as UnitSummaryResponse['radio'],
    activities: groups.activities as unknown as UnitSummaryResponse['activities'],
  };
}
