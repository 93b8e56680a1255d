import { Module, OnModuleDestroy } from '@nestjs/common';
import { EvidenceModule } from '@app/evidence';
import { MediaModule } from '@app/media';
import { UnitsModule } from '@app/units';
import { ProcedureUnitActions } from './procedure.actions';
import { stopImportReader } from './import/reader';
import { ProcedureChanges } from './procedure-changes';
import { ProcedureFormFiles } from './procedure-form-files';
import { ProcedureImportJob } from './procedure-import.job';
import { ProcedureImporter } from './procedure-importer';
import { ProcedureImportsService } from './procedure-imports.service';
import { ProcedureLifecycleService } from './procedure-lifecycle.service';
import { ProcedureSheetsService } from './procedure-sheets.service';
import {
  ProcedureImportsController,
  ProceduresController,
  UnitProceduresController,
} from './procedures.controller';
import { ProceduresRepository } from './procedures.repository';
import { ProceduresService } from './procedures.service';

@Module({
  imports: [UnitsModule, EvidenceModule, MediaModule],
  // The template controller's static paths come before ProceduresController's `:id`.
  controllers: [UnitProceduresController, ProcedureImportsController, ProceduresController],
  providers: [
    ProceduresRepository,
    ProcedureChanges,
    ProcedureFormFiles,
    ProceduresService,
    ProcedureLifecycleService,
    ProcedureImporter,
    ProcedureImportsService,
    ProcedureSheetsService,
    ProcedureImportJob,
    ProcedureUnitActions,
  ],
  exports: [ProceduresService, ProcedureImportsService],
})
export class ProceduresModule implements OnModuleDestroy {
  /** The file-reading thread goes with the module (a closing api or worker). */
  async onModuleDestroy(): Promise<void> {
    await stopImportReader();
  }
}
