export * from './procedure.entity';
export * from './procedure.dto';
export { ProceduresService, procedureUrl } from './procedures.service';
export { ProceduresModule } from './procedures.module';
export * from './procedure-import.entity';
export { ProcedureImportsService } from './procedure-imports.service';
export { ProceduresException } from './procedures.exception';
export { PROCEDURE_EDITORS, PROCEDURE_PUBLISHERS, PROCEDURE_READERS } from './procedure-rules';
