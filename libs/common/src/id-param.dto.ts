import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` path parameter; a malformed id is a 400 naming the field, never a database error. */
export class IdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** `:unitId` path parameter, with the same guarantee. */
export class UnitIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;
}
