import { Module } from '@nestjs/common';
import { EvidenceModule } from '@app/evidence';
import { UnitsModule } from '@app/units';
import { ProceduresController, UnitProceduresController } from './procedures.controller';
import { ProceduresService } from './procedures.service';

@Module({
  imports: [UnitsModule, EvidenceModule],
  controllers: [UnitProceduresController, ProceduresController],
  providers: [ProceduresService],
  exports: [ProceduresService],
})
export class ProceduresModule {}
