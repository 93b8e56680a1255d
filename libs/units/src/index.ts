export * from './unit.entity';
export * from './unit.dto';
export { REPORT_READERS, UnitAccess } from './unit-access.service';
export { UNIT_KEEPERS } from './unit.actions';
export { UnitsRepository } from './units.repository';
export { UnitsService } from './units.service';
export { UnitsModule } from './units.module';
export { UnitHooks, type UnitCreatedHook } from './unit-hooks.service';
