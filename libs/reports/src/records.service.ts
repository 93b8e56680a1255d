import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Page, Principal, toPage } from '@app/common';
import { UnitAccess } from '@app/units';
import { ReportActivity } from './activity.entity';
import { ACTIVITY_LABELS, figure } from './figures';
import { yearPeriod } from './period';
import { PropagandaPlan } from './propaganda-plan.entity';
import {
  ActivityResponse,
  CreateActivityDto,
  ListActivitiesQueryDto,
  PropagandaPlanDto,
  PropagandaPlanResponse,
} from './records.dto';
import { ReportsException } from './reports.exception';
import { REPORT_WRITERS } from './reports.roles';
import { SummaryService } from './summary.service';

/**
 * What report writers keep by hand: activities the software cannot see, and the unit's propaganda plans,
 * whose tasks are evaluated Đạt / Chưa đạt from the counts of the plan's year.
 */
@Injectable()
export class ReportRecordsService {
  constructor(
    @InjectRepository(ReportActivity) private readonly activities: Repository<ReportActivity>,
    @InjectRepository(PropagandaPlan) private readonly plans: Repository<PropagandaPlan>,
    private readonly access: UnitAccess,
    private readonly summaries: SummaryService,
  ) {}

  async addActivity(principal: Principal, unitId: string, dto: CreateActivityDto): Promise<ActivityResponse> {
    await this.access.requireRole(principal, unitId, REPORT_WRITERS);
    const saved = await this.activities.save(
      this.activities.create({
        unitId,
        kind: dto.kind,
        date: dto.date,
        quantity: dto.quantity,
        description: dto.description || null,
        createdBy: principal.id,
      }),
    );
    return activityResponse(saved);
  }

  async listActivities(
    principal: Principal,
    unitId: string,
    query: ListActivitiesQueryDto,
  ): Promise<Page<ActivityResponse>> {
    await this.assertReadable(principal, unitId);
    const qb = this.activities
      .createQueryBuilder('a')
      .where('a.unit_id = :unitId', { unitId })
      .orderBy('a.date', 'DESC')
      .addOrderBy('a.created_at', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    if (query.from) {
      qb.andWhere('a.date >= :from', { from: query.from });
    }
    if (query.to) {
      qb.andWhere('a.date <= :to', { to: query.to });
    }
    if (query.kind) {
      qb.andWhere('a.kind = :kind', { kind: query.kind });
    }
    const [items, total] = await qb.getManyAndCount();
    return toPage(items.map(activityResponse), total, query);
  }

  async removeActivity(principal: Principal, id: string): Promise<void> {
    const activity = await this.activities.findOneBy({ id });
    if (!activity) {
      throw ReportsException.notFound('hoạt động');
    }
    await this.access.requireRole(principal, activity.unitId, REPORT_WRITERS);
    await this.activities.delete({ id });
  }

  async createPlan(
    principal: Principal,
    unitId: string,
    dto: PropagandaPlanDto,
  ): Promise<PropagandaPlanResponse> {
    await this.access.requireRole(principal, unitId, REPORT_WRITERS);
    await this.assertNumberFree(unitId, dto.year, dto.number, null);
    const saved = await this.plans.save(
      this.plans.create({ unitId, ...planFields(dto), createdBy: principal.id }),
    );
    return this.evaluate(principal, saved);
  }

  async updatePlan(
    principal: Principal,
    id: string,
    dto: PropagandaPlanDto,
  ): Promise<PropagandaPlanResponse> {
    const plan = await this.findPlan(id);
    await this.access.requireRole(principal, plan.unitId, REPORT_WRITERS);
    await this.assertNumberFree(plan.unitId, dto.year, dto.number, plan.id);
    Object.assign(plan, planFields(dto));
    return this.evaluate(principal, await this.plans.save(plan));
  }

  async removePlan(principal: Principal, id: string): Promise<void> {
    const plan = await this.findPlan(id);
    await this.access.requireRole(principal, plan.unitId, REPORT_WRITERS);
    await this.plans.delete({ id });
  }

  async getPlan(principal: Principal, id: string): Promise<PropagandaPlanResponse> {
    const plan = await this.findPlan(id);
    await this.assertReadable(principal, plan.unitId);
    return this.evaluate(principal, plan);
  }

  async listPlans(principal: Principal, unitId: string, year?: number): Promise<PropagandaPlanResponse[]> {
    await this.assertReadable(principal, unitId);
    const plans = await this.plans.find({
      where: year ? { unitId, year } : { unitId },
      order: { year: 'DESC', issuedOn: 'ASC', number: 'ASC' },
    });
    return Promise.all(plans.map((p) => this.evaluate(principal, p)));
  }

  /** Each task against the unit's own count of its metric over the plan's year. */
  async evaluate(principal: Principal, plan: PropagandaPlan): Promise<PropagandaPlanResponse> {
    const period = yearPeriod(plan.year);
    const scope = await this.summaries.scope(principal, {
      unitId: plan.unitId,
      from: period.from,
      to: period.to,
    });
    const summary = (await this.summaries.summaryOf(scope)) as unknown as Record<
      string,
      Record<string, number>
    >;
    return {
      id: plan.id,
      unitId: plan.unitId,
      year: plan.year,
      number: plan.number,
      issuedOn: plan.issuedOn,
      title: plan.title,
      tasks: plan.tasks.map((task) => {
        const [group, name] = task.metric.split('.');
        const actual = summary[group]?.[name] ?? 0;
        const achieved = actual >= task.target;
        return {
          content: task.content,
          metric: task.metric,
          metricLabel: figure(task.metric)?.label ?? task.metric,
          target: task.target,
          actual,
          achieved,
          evaluation: achieved ? 'Đạt' : 'Chưa đạt',
        };
      }),
      createdAt: plan.createdAt,
      updatedAt: plan.updatedAt,
    };
  }

  private async assertReadable(principal: Principal, unitId: string): Promise<void> {
    if (!(await this.access.canReadReports(principal, unitId))) {
      throw ReportsException.unitNotReadable();
    }
  }

  private async findPlan(id: string): Promise<PropagandaPlan> {
    const plan = await this.plans.findOneBy({ id });
    if (!plan) {
      throw ReportsException.notFound('kế hoạch tuyên truyền');
    }
    return plan;
  }

  private async assertNumberFree(unitId: string, year: number, number: string, except: string | null) {
    const taken = await this.plans.findOneBy({ unitId, year, number });
    if (taken && taken.id !== except) {
      throw ReportsException.conflict(
        'number',
        `Năm ${year} đơn vị đã có kế hoạch số ${number}: hãy sửa kế hoạch đó hoặc dùng số khác`,
      );
    }
  }
}

function planFields(dto: PropagandaPlanDto) {
  return {
    year: dto.year,
    number: dto.number,
    issuedOn: dto.issuedOn,
    title: dto.title,
    tasks: dto.tasks.map((t) => ({ content: t.content, metric: t.metric, target: t.target })),
  };
}

function activityResponse(a: ReportActivity): ActivityResponse {
  return {
    id: a.id,
    unitId: a.unitId,
    kind: a.kind,
    kindLabel: ACTIVITY_LABELS[a.kind],
    date: a.date,
    quantity: a.quantity,
    description: a.description,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
  };
}
