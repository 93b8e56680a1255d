import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { addErrorResponses, ErrorResponse } from '@app/common';

/**
 * The OpenAPI document of the api. The served copy (/api/docs/openapi.json) and the file the admin app's
 * typed client is generated from (`npm run api:client`) both come from here, so they cannot differ.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cổng thông tin và đài truyền thanh cấp xã — API')
      .setDescription('API v1 (design.md §6). Lỗi: {statusCode, code, message, details}.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorResponse] },
  );
  return addErrorResponses(document);
}
