import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, PageQueryDto } from '@app/common';
import { EVIDENCE_METHOD_LABELS, EVIDENCE_TYPE_LABELS, EVIDENCE_TYPES, EvidenceType } from './evidence-types';
import { EvidenceRow } from './evidence.entity';

export class ListEvidenceQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiPropertyOptional({ enum: EVIDENCE_TYPES })
  @IsOptional()
  @IsIn(EVIDENCE_TYPES)
  type?: EvidenceType;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Từ ngày (giờ Việt Nam), tính cả ngày này' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Đến ngày (giờ Việt Nam), tính cả ngày này' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class VerifyEvidenceQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;
}

export class EvidenceSubject {
  @ApiProperty() type!: string;
  @ApiProperty() id!: string;
}

export class EvidenceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null khi dòng chưa được nối vào chuỗi' })
  seq!: number | null;
  @ApiProperty() type!: string;
  @ApiProperty() occurredAt!: Date;
  @ApiProperty() recordedAt!: Date;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty() method!: string;
  @ApiProperty({ type: EvidenceSubject }) subject!: EvidenceSubject;
  @ApiProperty({ type: Object }) snapshot!: Record<string, unknown>;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) correctsId!: string | null;
  @ApiProperty({ description: 'SHA-256 của nội dung chuẩn hóa (RFC 8785)' }) contentHash!: string;
  @ApiProperty({ nullable: true, type: String }) prevHash!: string | null;
  @ApiProperty({ nullable: true, type: String }) hash!: string | null;
  @ApiProperty({ description: 'Tên loại sự kiện, tiếng Việt' }) typeLabel!: string;
  @ApiProperty({ description: 'Cách ghi nhận, tiếng Việt' }) methodLabel!: string;
  @ApiProperty({ description: 'Tiêu đề của tin bài, thủ tục, bản tin hoặc lượt phát mà dòng nói về' })
  title!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Họ tên người thực hiện; null khi hệ thống tự làm',
  })
  actorName!: string | null;

  static of(row: EvidenceRow, actorName: string | null = null): EvidenceResponse {
    const snapshot = row.snapshot ?? {};
    const title = [snapshot.title, snapshot.name, snapshot.code].find(
      (v): v is string => typeof v === 'string',
    );
    return {
      id: row.id,
      unitId: row.unitId,
      seq: row.seq === null ? null : Number(row.seq),
      contentHash: row.contentHash,
      type: row.type,
      occurredAt: row.occurredAt,
      recordedAt: row.recordedAt,
      actorId: row.actorId,
      method: row.method,
      subject: { type: row.subjectType, id: row.subjectId },
      snapshot: row.snapshot,
      correctsId: row.correctsId,
      prevHash: row.prevHash,
      hash: row.hash,
      typeLabel: EVIDENCE_TYPE_LABELS[row.type as EvidenceType] ?? row.type,
      methodLabel: EVIDENCE_METHOD_LABELS[row.method] ?? row.method,
      title: title ?? '',
      actorName,
    };
  }
}

export class EvidenceKindLabel {
  @ApiProperty({ example: 'article.published' }) value!: string;
  @ApiProperty({ example: 'Đăng tin bài' }) label!: string;
}

export class EvidenceKindsResponse {
  @ApiProperty({ type: [EvidenceKindLabel], description: 'Các loại sự kiện trong nhật ký, tên tiếng Việt' })
  types!: EvidenceKindLabel[];
  @ApiProperty({ type: [EvidenceKindLabel], description: 'Các cách ghi nhận, tên tiếng Việt' })
  methods!: EvidenceKindLabel[];
}

export class VerifyEvidenceResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Số dòng đã kiểm tra' }) checked!: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Dòng đầu tiên bị sai lệch' }) firstBrokenId?: string;
  @ApiPropertyOptional() firstBrokenSeq?: number;
  @ApiPropertyOptional({ description: 'Lý do (tiếng Việt)' }) reason?: string;
  @ApiPropertyOptional({ description: 'Số dòng đã ghi nhưng chưa nối vào chuỗi (được nối trong vài giây)' })
  pending?: number;
}
