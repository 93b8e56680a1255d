import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Unit } from './unit.entity';

export type UnitCreatedHook = (unit: Unit, manager: EntityManager) => Promise<void>;

/**
 * Lets other domains add what every new unit starts with (its default categories, say) in the same
 * transaction that creates the unit, without libs/units importing them.
 */
@Injectable()
export class UnitHooks {
  private readonly created: UnitCreatedHook[] = [];

  onCreated(hook: UnitCreatedHook): void {
    this.created.push(hook);
  }

  async runCreated(unit: Unit, manager: EntityManager): Promise<void> {
    for (const hook of this.created) {
      await hook(unit, manager);
    }
  }
}
