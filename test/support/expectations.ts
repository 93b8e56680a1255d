import type { TestResponse } from './api';

/** A Vietnamese letter with a diacritic: every error message is in Vietnamese (design.md §6). */
export const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Asserts the error body of design.md §6; the response body is part of the failure message. */
export function expectError(res: TestResponse, status: number, code: string, field?: string): void {
  expect({ status: res.status, body: res.body }).toMatchObject({
    status,
    body: { statusCode: status, code, message: expect.stringMatching(VIETNAMESE) },
  });
  if (field !== undefined) {
    const fields = ((res.body.details ?? []) as { field: string }[]).map((d) => d.field);
    expect(fields).toContain(field);
  }
}
