import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto, Trim } from '@app/common';
import { JINGLE_KINDS, JINGLE_SOURCES, type JingleKind, type JingleSource } from './audio-jingle.entity';
import { AUDIO_KINDS, AUDIO_STATUSES, type AudioKind, type AudioStatus } from './audio.entity';

export class RequestAudioDto {
  @ApiPropertyOptional({
    description: 'Tên giọng đọc; mặc định theo cấu hình (GOOGLE_TTS_VOICE hoặc giọng eSpeak)',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  voice?: string;

  @ApiPropertyOptional({ minimum: 0.5, maximum: 2, default: 1, description: 'Tốc độ đọc (1 = bình thường)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(2)
  speakingRate?: number;
}

export class ListAudioQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  articleId?: string;

  @ApiPropertyOptional({ enum: AUDIO_STATUSES })
  @IsOptional()
  @IsIn(AUDIO_STATUSES)
  status?: AudioStatus;
}

export class AudioAccepted {
  @ApiProperty({ format: 'uuid' }) audioId!: string;
  @ApiProperty({ enum: AUDIO_STATUSES }) status!: AudioStatus;
}

export class AudioJinglesUsed {
  @ApiProperty({ enum: JINGLE_SOURCES }) intro!: JingleSource;
  @ApiProperty({ enum: JINGLE_SOURCES }) outro!: JingleSource;
}

export class AudioResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) articleId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) categoryId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: AUDIO_KINDS, description: 'speech: đọc từ bài viết; upload: chương trình tải lên' })
  kind!: AudioKind;
  @ApiProperty({ enum: AUDIO_STATUSES }) status!: AudioStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Máy đọc đã dùng (espeak, google) hoặc upload' })
  provider!: string | null;
  @ApiProperty({ description: 'Máy đọc được yêu cầu' }) requestedProvider!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Vì sao máy đọc dự phòng đã đọc thay' })
  fallbackReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) voice!: string | null;
  @ApiProperty({ nullable: true, type: Number }) speakingRate!: number | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Độ to tích hợp đo được (LUFS)' })
  loudnessLufs!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Đỉnh thực đo được (dBTP)' })
  truePeakDb!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Độ to mục tiêu (LUFS)' })
  targetLufs!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Lời máy đọc (sau chuẩn hóa)' })
  normalizedText!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '/media/audio/<sha256>.mp3 khi sẵn sàng' })
  url!: string | null;
  @ApiProperty({ nullable: true, type: String }) sha256!: string | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({
    nullable: true,
    type: AudioJinglesUsed,
    description: 'Nhạc hiệu đã ghép (bản đọc); null với chương trình tải lên',
  })
  jingles!: AudioJinglesUsed | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) producedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readyAt!: string | null;
}

export class VoicesResponse {
  @ApiProperty({ description: 'Máy đọc đang dùng (TTS_PROVIDER): espeak hoặc google' }) provider!: string;
  @ApiProperty({ description: 'Giọng dùng khi không chọn' }) defaultVoice!: string;
  @ApiProperty({
    type: [String],
    description: 'Các giọng tiếng Việt của máy đọc (Google: lấy từ API của Google)',
  })
  voices!: string[];
}

export class JingleParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ enum: JINGLE_KINDS, description: 'intro: nhạc mở đầu; outro: nhạc kết thúc' })
  @IsIn(JINGLE_KINDS)
  kind!: JingleKind;
}

export class ChooseJingleDto {
  @ApiProperty({
    enum: ['default', 'none'],
    description: 'default: nhạc hiệu mặc định (tự tạo); none: không dùng. Tệp riêng: gửi bằng PUT',
  })
  @IsIn(['default', 'none'])
  source!: 'default' | 'none';
}

export class JingleResponse {
  @ApiProperty({ enum: JINGLE_KINDS }) kind!: JingleKind;
  @ApiProperty({
    enum: JINGLE_SOURCES,
    description: 'default: mặc định; custom: tệp của đơn vị; none: không dùng',
  })
  source!: JingleSource;
  @ApiProperty({ nullable: true, type: String, description: 'Nghe thử: tệp của đơn vị, hoặc bản mặc định' })
  url!: string | null;
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ nullable: true, type: Number }) durationMs!: number | null;
  @ApiProperty({ nullable: true, type: String }) sha256!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt!: string | null;
}

export class JinglesResponse {
  @ApiProperty({ type: JingleResponse }) intro!: JingleResponse;
  @ApiProperty({ type: JingleResponse }) outro!: JingleResponse;
}
