import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Membership } from './membership.entity';
import { User } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}

  private on(manager?: EntityManager): Repository<User> {
    return manager ? manager.getRepository(User) : this.repo;
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.on(manager).findOne({ where: { id }, relations: { memberships: true } });
  }

  findByUsername(username: string): Promise<User | null> {
    return this.repo.findOne({
      where: { username: username.toLowerCase() },
      relations: { memberships: true },
    });
  }

  /** Users with a membership in one of `unitIds` (all users when undefined), newest first. */
  async page(unitIds: string[] | undefined, skip: number, take: number): Promise<[User[], number]> {
    const qb = this.repo
      .createQueryBuilder('u')
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id')
      .skip(skip)
      .take(take);
    if (unitIds) {
      qb.where('EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.unit_id = ANY(:unitIds))', {
        unitIds,
      });
    }
    const [users, total] = await qb.getManyAndCount();
    if (users.length > 0) {
      const memberships = await this.repo.manager
        .getRepository(Membership)
        .createQueryBuilder('m')
        .where('m.user_id IN (:...ids)', { ids: users.map((u) => u.id) })
        .orderBy('m.created_at')
        .getMany();
      for (const user of users) {
        user.memberships = memberships.filter((m) => m.userId === user.id);
      }
    }
    return [users, total];
  }

  save(user: User, manager?: EntityManager): Promise<User> {
    return this.on(manager).save(user);
  }

  async replaceMemberships(
    manager: EntityManager,
    userId: string,
    withinUnits: string[] | undefined,
    memberships: { unitId: string; role: Membership['role'] }[],
  ): Promise<void> {
    const repo = manager.getRepository(Membership);
    const qb = repo.createQueryBuilder().delete().where('user_id = :userId', { userId });
    if (withinUnits) {
      qb.andWhere('unit_id = ANY(:withinUnits)', { withinUnits });
    }
    await qb.execute();
    if (memberships.length > 0) {
      await repo.insert(memberships.map((m) => ({ userId, unitId: m.unitId, role: m.role })));
    }
  }

  /** Tokens issued before now stop working (AuthService.authenticate compares the version). */
  async revokeTokens(userId: string, manager?: EntityManager): Promise<void> {
    // Raised in SQL, not from the loaded value: two resets at once still leave both older versions behind.
    await (manager ?? this.repo.manager).query(
      'UPDATE users SET token_version = token_version + 1 WHERE id = $1',
      [userId],
    );
  }

  count(manager?: EntityManager): Promise<number> {
    return this.on(manager).count();
  }
}
