import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '@app/queue';
import { ProcedureImportsService } from './procedure-imports.service';

/** Runs an import uploaded through the job endpoint (its row holds the file and takes the progress). */
@Injectable()
@HandlesJob('procedures.import')
export class ProcedureImportJob implements JobHandler<'procedures.import'> {
  constructor(private readonly imports: ProcedureImportsService) {}

  async handle(payload: { importId: string }): Promise<void> {
    await this.imports.run(payload.importId);
  }
}
