export * from './procedure.entity';
export * from './procedure.dto';
export { ProceduresService, procedureUrl } from './procedures.service';
export { ProceduresModule } from './procedures.module';
export * from './procedure-import.entity';
export { ProcedureImportsService } from './procedure-imports.service';
