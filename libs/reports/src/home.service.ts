import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal, vietnamDay } from '@app/common';
import { UnitAccess } from '@app/units';
import { FIGURES } from './figures';
import { yearPeriod } from './period';
import { FigureResponse, MonthsResponse, TodosResponse } from './home.dto';
import { ReportsException } from './reports.exception';
import { monthlyFigures } from './summary.repository';

/**
 * The home screen's year at a glance: the counts month by month (the same per-day counts as the summary,
 * so the two never disagree) and what waits for someone today. The to-dos read the articles', audios',
 * procedures' and broadcast tables by SQL, as the portal does, without importing those libs.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly access: UnitAccess,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  figures(): FigureResponse[] {
    return FIGURES.map((f) => ({ path: f.path, label: f.label, unit: f.unit, source: f.source.kind }));
  }

  async months(principal: Principal, unitId: string, year: number): Promise<MonthsResponse> {
    await this.assertReadable(principal, unitId);
    const months = await monthlyFigures(this.db, [unitId], yearPeriod(year));
    return {
      unitId,
      year,
      months: months.map((m, i) => ({
        month: i + 1,
        articlesPublished: m['portal.articlesPublished'],
        cchcArticlesPublished: m['portal.cchcArticlesPublished'],
        airings: m['radio.airings'],
        cchcAirings: m['radio.cchcAirings'],
        piecesProduced: m['radio.piecesProduced'],
        proceduresPublished: m['portal.proceduresPublished'],
      })),
    };
  }

  async todos(principal: Principal, unitId: string): Promise<TodosResponse> {
    if (!this.access.isMember(principal, unitId)) {
      throw ReportsException.unitNotReadable();
    }
    const today = vietnamDay(new Date());
    const weekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const [counts] = await this.db.query<Record<string, string>[]>(
      `SELECT
         (SELECT count(*) FROM articles WHERE unit_id = $1 AND status = 'submitted') AS "articlesToApprove",
         (SELECT count(*) FROM articles WHERE unit_id = $1 AND status = 'rejected' AND author_id = $2) AS "articlesReturnedToMe",
         (SELECT count(*) FROM articles a WHERE a.unit_id = $1 AND a.status IN ('approved', 'published')
             AND NOT EXISTS (SELECT 1 FROM audios au WHERE au.unit_id = a.unit_id AND au.article_id = a.id
                                                       AND au.status IN ('queued', 'processing', 'ready'))) AS "approvedWithoutAudio",
         (SELECT count(*) FROM procedures WHERE unit_id = $1 AND published_at IS NULL
             AND status IN ('active', 'amended')) AS "proceduresUnpublished"`,
      [unitId, principal.id],
    );
    const stations = await this.db.query<{ id: string; name: string; status: string | null }[]>(
      `SELECT s.id, s.name, p.status
         FROM stations s
         LEFT JOIN broadcast_plans p ON p.unit_id = s.unit_id AND p.station_id = s.id AND p.date = $2::date
        WHERE s.unit_id = $1
          AND EXISTS (SELECT 1 FROM broadcast_slots sl WHERE sl.station_id = s.id AND sl.removed_at IS NULL
                                                         AND $3 = ANY(sl.weekdays))
          AND (p.status IS NULL OR p.status <> 'approved')
        ORDER BY s.name`,
      [unitId, today, weekday],
    );
    return {
      unitId,
      today,
      articlesToApprove: Number(counts.articlesToApprove),
      articlesReturnedToMe: Number(counts.articlesReturnedToMe),
      approvedWithoutAudio: Number(counts.approvedWithoutAudio),
      proceduresUnpublished: Number(counts.proceduresUnpublished),
      plansNotApproved: stations.map((s) => ({
        stationId: s.id,
        stationName: s.name,
        plan: s.status === null ? 'missing' : 'draft',
      })),
    };
  }

  private async assertReadable(principal: Principal, unitId: string): Promise<void> {
    if (!(await this.access.canReadReports(principal, unitId))) {
      throw ReportsException.unitNotReadable();
    }
  }
}
