import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Unit } from '@app/units';

export const PROCEDURE_STATUSES = ['active', 'amended', 'replaced', 'abolished'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/** A list that may differ by case (trường hợp): one entry per case, `case` null when there is only one. */
export interface CaseList<T> {
  case: string | null;
  items: T[];
}

/** The kinds of form file a dossier item may carry (what POST /units/:unitId/files stores). */
export const FORM_FILE_KINDS = ['pdf', 'doc', 'docx', 'xls', 'xlsx'] as const;
export type FormFileKind = (typeof FORM_FILE_KINDS)[number];

/**
 * A form to fill in (mẫu đơn, tờ khai) attached to a dossier item: a file uploaded through
 * `POST /units/:unitId/files`, downloaded by citizens from the procedure's portal page under `name`.
 * `kind` and `bytes` are the stored file's, filled in by the api (what a client sends is not believed).
 */
export interface FormFile {
  url: string;
  name: string;
  kind: FormFileKind;
  bytes: number;
}

/**
 * A document of the dossier (giấy tờ) with how many originals and copies are asked for. `form` names the
 * form in words; `forms` are its files. Stored only when there are some, so procedures without files keep
 * the content (and hash) they had before files could be attached; the api always answers the list.
 */
export interface DossierItem {
  name: string;
  form: string | null;
  originals: number | null;
  copies: number | null;
  forms?: FormFile[];
}

/** A way to carry it out (cách thức): in person, online, by post, with its own time limit and fees. */
export interface ProcedureMethod {
  channel: string;
  timeLimit: string;
  fees: string;
  description: string;
}

/** A legal document the procedure rests on (căn cứ pháp lý). */
export interface LegalDocument {
  number: string;
  title: string;
  issuedOn: string | null;
  issuer: string;
}

/**
 * A thủ tục hành chính (design.md §4; NĐ 63/2010 Điều 8 as amended by NĐ 92/2017): every component a
 * citizen must be told, keyed in the unit by its national code. `contentHash` identifies the components,
 * so an import of the same data changes nothing. Every change raises `version` and keeps a revision.
 */
@Entity('procedures')
@Index('uq_procedures_unit_code', ['unitId', 'code'], { unique: true })
@Index('ix_procedures_unit_field', ['unitId', 'field'])
// Accent-insensitive search over code, name and field: an expression index made by the migration.
@Index('ix_procedures_search', { synchronize: false })
export class Procedure {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_procedures_unit_id' })
  unit?: Unit;

  /** Mã TTHC in the national database, e.g. 1.004227. */
  @Column({ type: 'varchar', length: 60 })
  code!: string;

  @Column({ type: 'varchar', length: 500 })
  name!: string;

  /** Lĩnh vực, e.g. Hộ tịch. */
  @Column({ type: 'varchar', length: 300 })
  field!: string;

  /** Cấp thực hiện, e.g. Cấp xã. */
  @Column({ type: 'varchar', length: 200, default: '' })
  level!: string;

  @Column({ type: 'text', default: '' })
  agency!: string;

  @Column({ type: 'text', default: '' })
  applicants!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  steps!: CaseList<string>[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  methods!: ProcedureMethod[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  dossier!: CaseList<DossierItem>[];

  /** Số lượng hồ sơ, e.g. 01 bộ. */
  @Column({ type: 'varchar', length: 200, default: '' })
  dossierCount!: string;

  @Column({ type: 'text', default: '' })
  timeLimit!: string;

  @Column({ type: 'text', default: '' })
  fees!: string;

  @Column({ type: 'text', default: '' })
  forms!: string;

  @Column({ type: 'text', default: '' })
  result!: string;

  @Column({ type: 'text', default: '' })
  conditions!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  legalBasis!: LegalDocument[];

  @Column({ type: 'text', default: '' })
  receivingAddress!: string;

  @Column({ type: 'varchar', length: 10, default: 'none' })
  onlineLevel!: OnlineLevel;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  onlineUrl!: string | null;

  /** The Quyết định công bố that announced it (or its last amendment). */
  @Column({ type: 'varchar', length: 100, default: '' })
  decisionNumber!: string;

  @Column({ type: 'date', nullable: true })
  decisionDate!: string | null;

  @Column({ type: 'varchar', length: 300, default: '' })
  decisionIssuer!: string;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status!: ProcedureStatus;

  @Column({ type: 'uuid', nullable: true })
  replacedById!: string | null;

  @ManyToOne(() => Procedure, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'replaced_by_id', foreignKeyConstraintName: 'fk_procedures_replaced_by_id' })
  replacedBy?: Procedure;

  /** Why it was abolished or replaced, as the person recorded it. */
  @Column({ type: 'text', nullable: true })
  statusReason!: string | null;

  /** Set while it is on the portal. */
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstPublishedAt!: Date | null;

  /** SHA-256 of the components (see procedureContentHash). */
  @Column({ type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const PROCEDURE_ACTIONS = ['create', 'update', 'import', 'publish', 'abolish'] as const;
export type ProcedureAction = (typeof PROCEDURE_ACTIONS)[number];

/** The procedure as it was after each change (its history). */
@Entity('procedure_revisions')
@Index('uq_procedure_revisions_procedure_version', ['procedureId', 'version'], { unique: true })
export class ProcedureRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'uuid' })
  procedureId!: string;

  @ManyToOne(() => Procedure, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_procedure_revisions_procedure_id' })
  procedure?: Procedure;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 30 })
  action!: ProcedureAction;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: ProcedureStatus;

  /** The fields that changed in this revision. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  changed!: string[];

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
