import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Unit } from './unit.entity';
import { UnitUnitActions } from './unit.actions';
import { UnitAccess } from './unit-access.service';
import { UnitHooks } from './unit-hooks.service';
import { UnitsController } from './units.controller';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';

@Module({
  imports: [TypeOrmModule.forFeature([Unit])],
  controllers: [UnitsController],
  providers: [UnitsRepository, UnitsService, UnitAccess, UnitHooks, UnitUnitActions],
  exports: [UnitsRepository, UnitsService, UnitAccess, UnitHooks],
})
export class UnitsModule {}
