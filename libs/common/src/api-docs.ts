import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
} from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_STATUS } from './errors';

export class ErrorDetailSchema {
  @ApiProperty({ example: 'title' }) field!: string;
  @ApiProperty({ example: 'Tiêu đề không được để trống' }) message!: string;
}

/** The one error shape of design.md §6, named in the OpenAPI document so clients can type it. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ enum: Object.keys(ERROR_STATUS), example: 'VALIDATION_FAILED' }) code!: string;
  @ApiProperty({ example: 'Dữ liệu không hợp lệ: title' }) message!: string;
  @ApiPropertyOptional({ type: [ErrorDetailSchema] }) details?: ErrorDetailSchema[];
  @ApiPropertyOptional({ description: 'Mã lỗi để tra nhật ký (chỉ với lỗi 500)' }) errorId?: string;
}

/** A paged list `{items, total, page, pageSize}` of `model`, typed in the OpenAPI document. */
export function ApiPageResponse(model: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['items', 'total', 'page', 'pageSize'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          total: { type: 'integer' },
          page: { type: 'integer' },
          pageSize: { type: 'integer' },
        },
      },
    }),
  );
}

/**
 * Every operation can answer the error shape; adding it once here, rather than on each endpoint, keeps
 * the typed client's error type complete.
 */
export function addErrorResponses(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation) {
        operation.responses.default = {
          description: 'Lỗi (design.md §6)',
          content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } },
        };
      }
    }
  }
  return document;
}
