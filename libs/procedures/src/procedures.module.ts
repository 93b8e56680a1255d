import { Module } from '@nestjs/common';
import { EvidenceModule } from '@app/evidence';
import { UnitsModule } from '@app/units';
import { ProcedureUnitActions } from './procedure.actions';
import { ProcedureImportJob } from './procedure-import.job';
import { ProcedureImportsService } from './procedure-imports.service';
import {
  ProcedureImportsController,
  ProceduresController,
  UnitProceduresController,
} from './procedures.controller';
import { ProceduresService } from './procedures.service';

@Module({
  imports: [UnitsModule, EvidenceModule],
  // The template controller's static paths come before ProceduresController's `:id`.
  controllers: [UnitProceduresController, ProcedureImportsController, ProceduresController],
  providers: [ProceduresService, ProcedureImportsService, ProcedureImportJob, ProcedureUnitActions],
  exports: [ProceduresService, ProcedureImportsService],
})
export class ProceduresModule {}
