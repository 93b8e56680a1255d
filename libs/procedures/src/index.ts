export * from './procedure.entity';
export * from './procedure.dto';
export { ProceduresService, procedureUrl } from './procedures.service';
export { ProceduresModule } from './procedures.module';
