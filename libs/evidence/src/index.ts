export * from './evidence.entity';
export * from './evidence-types';
export * from './evidence-snapshots';
export * from './evidence.dto';
export { canonicalContent, chainHash, contentHash, GENESIS_HASH } from './evidence-hash';
export type { EvidenceContent } from './evidence-hash';
export { EvidenceService } from './evidence.service';
export type { RecordEvidence, RecordedEvidence } from './evidence.service';
export { EvidenceModule } from './evidence.module';
