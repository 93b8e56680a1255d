import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DomainException } from './errors';
import { createValidationPipe, translateConstraint } from './validation';

class Inner {
  @IsInt()
  @Max(7)
  day!: number;
}

class Body {
  @IsString()
  @MinLength(2)
  @MaxLength(5)
  name!: string;

  @IsIn(['a', 'b'])
  kind!: string;

  @IsUUID()
  unitId!: string;

  @ValidateNested()
  @Type(() => Inner)
  inner!: Inner;
}

async function failures(value: unknown): Promise<{ field: string; message: string }[]> {
  const pipe = createValidationPipe();
  try {
    await pipe.transform(value, { type: 'body', metatype: Body });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    const domain = error as DomainException;
    expect(domain.code).toBe('VALIDATION_FAILED');
    expect(domain.status).toBe(400);
    return domain.details ?? [];
  }
  throw new Error('expected a validation failure');
}

describe('validation in Vietnamese', () => {
  it('names unknown fields (forbidNonWhitelisted)', async () => {
    const details = await failures({
      name: 'abc',
      kind: 'a',
      unitId: '2d1b5f0e-3c53-4a55-9d0f-7f0b8f6a1e11',
      inner: { day: 1 },
      hacker: 1,
    });
    expect(details).toEqual([{ field: 'hacker', message: expect.stringContaining('không được phép') }]);
  });

  it('names the field, with the limit from the constraint', async () => {
    const details = await failures({ name: 'abcdefgh', kind: 'z', unitId: 'x', inner: { day: 9 } });
    const byField = Object.fromEntries(details.map((d) => [d.field, d.message]));
    expect(byField.name).toBe('Tên (name) không được dài quá 5 ký tự');
    expect(byField.kind).toBe('Loại (kind) phải là một trong các giá trị: a, b');
    expect(byField.unitId).toBe('Đơn vị (unitId) phải là mã định danh UUID hợp lệ');
    expect(byField['inner.day']).toBe('Trường "inner.day" không được lớn hơn 7');
  });

  it('reports a wrong type under its field', async () => {
    const details = await failures({
      name: 123,
      kind: 'a',
      unitId: '2d1b5f0e-3c53-4a55-9d0f-7f0b8f6a1e11',
      inner: { day: 1 },
    });
    expect(details.map((d) => d.field)).toEqual(['name', 'name', 'name']);
    expect(details.map((d) => d.message)).toContain('Tên (name) phải là chuỗi ký tự');
  });

  it('falls back to a generic Vietnamese message for an unknown constraint', () => {
    expect(translateConstraint('somethingNew', 'x must be nice')).toBe('không hợp lệ');
    expect(translateConstraint('minLength', 'x must be longer than or equal to 8 characters')).toBe(
      'phải có ít nhất 8 ký tự',
    );
  });
});

describe('query strings and path parameters', () => {
  it('are cleaned by the pipe: NUL refused naming the field', async () => {
    const pipe = createValidationPipe();
    await expect(pipe.transform({ q: 'a\u0000b' }, { type: 'query' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'q', message: expect.stringContaining('NUL') }],
    });
    await expect(pipe.transform({ q: 'a\u0007b' }, { type: 'query' })).resolves.toEqual({ q: 'ab' });
  });
});
