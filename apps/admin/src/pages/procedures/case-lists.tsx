import { DeleteOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Typography, Upload } from 'antd';
import type { FormListFieldData } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  FORM_FILE_EXTENSIONS,
  FORM_FILE_MAX_BYTES,
  uploadFormFile,
  type FormFile,
} from '../../api/procedures';
import { errorMessage } from '../../lib/errors';
import { tooLarge } from '../../lib/files';
import { DATE_FORMAT } from '../../lib/format';
import { NumberInput } from '../../components/common';

// The lists of a procedure that differ by case (trường hợp) and its other repeated rows. Form names
// follow the api's field paths (`dossier.0.items.1.name`), so its field errors land under the right input.

/** A date kept in the form as the api's YYYY-MM-DD text, shown and picked as dd/mm/yyyy. */
export const dateField = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

export function DateInput(props: { 'aria-label'?: string; id?: string }) {
  return <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...props} />;
}

/**
 * Enter in a one-line field must not submit the whole form: in a date picker it picks the typed date,
 * and a save there lost what was typed right after (issue 13 A17). Text areas keep their new line and
 * buttons their click; saving is the "Lưu" button.
 */
export function keepEnterInField(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
    event.preventDefault();
  }
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button
      type="text"
      danger
      icon={<DeleteOutlined aria-hidden />}
      aria-label={label}
      title={label}
      onClick={onClick}
    />
  );
}

/** "Thêm …": a whole case or method (solid), or one row inside it (dashed). */
function AddButton({ row, onClick, children }: { row?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Button type={row ? 'dashed' : undefined} icon={<PlusOutlined aria-hidden />} onClick={onClick}>
      {children}
    </Button>
  );
}

/** A required text: not empty, not only spaces. */
export function requiredText(message: string) {
  return { required: true, whitespace: true, message };
}

/** One component of the procedure as a named region (its title is also its accessible name). */
function Region({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={title} role="region" aria-label={title} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/**
 * A region whose list (`name`) holds one inner card per entry, each with its remove button, and an add
 * button below: the cases of the steps and of the dossier, the methods. Texts take the entry's number (from 1).
 */
function CardList(props: {
  name: string;
  title: string;
  entryTitle: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
  /** The add button's text while the list is empty, when adding the first entry is something else. */
  addFirstLabel?: string;
  /** What a new entry starts as (a new object each time). */
  newEntry: () => object;
  /** The body of the entry at this index of the list. */
  children: (index: number) => ReactNode;
}) {
  return (
    <Region title={props.title}>
      <Form.List name={props.name}>
        {(entries, { add, remove }) => (
          <>
            {entries.map((e) => (
              <Card
                key={e.key}
                type="inner"
                size="small"
                style={{ marginBottom: 12 }}
                title={props.entryTitle(e.name + 1)}
                extra={<RemoveButton label={props.removeLabel(e.name + 1)} onClick={() => remove(e.name)} />}
              >
                {props.children(e.name)}
              </Card>
            ))}
            <AddButton onClick={() => add(props.newEntry())}>
              {entries.length === 0 ? (props.addFirstLabel ?? props.addLabel) : props.addLabel}
            </AddButton>
          </>
        )}
      </Form.List>
    </Region>
  );
}

function CaseName({ index }: { index: number }) {
  return (
    <Form.Item
      name={[index, 'case']}
      label={`Tên trường hợp ${index + 1}`}
      extra="Để trống khi thủ tục chỉ có một trường hợp."
      rules={[{ max: 500, message: 'Tên trường hợp không dài quá 500 ký tự' }]}
      style={{ marginBottom: 12 }}
    >
      <Input placeholder="Ví dụ: Trường hợp đăng ký khai sinh đúng hạn" />
    </Form.Item>
  );
}

/**
 * The steps' or the dossier's cases: each case a card with its name above its own rows (`items`), a button
 * to add a row (`newItem`, also the first row of a new case) and one to add a case.
 */
function CaseCards(props: {
  name: 'steps' | 'dossier';
  title: string;
  /** Whose case the remove button names: "Xóa trường hợp 2 của {of}". */
  of: string;
  newItem: () => unknown;
  addItemLabel: string;
  /**
   * The button while there is no case: what the person adds is the first row (a step, a document), which
   * comes in a first case of its own; "Thêm trường hợp khác" only once there is one.
   */
  addFirstLabel: string;
  /** The rows of case `c` (index from 0), each removed with `remove(row.name)`. */
  children: (c: number, rows: FormListFieldData[], remove: (index: number) => void) => ReactNode;
}) {
  return (
    <CardList
      name={props.name}
      title={props.title}
      entryTitle={(n) => `Trường hợp ${n}`}
      removeLabel={(n) => `Xóa trường hợp ${n} của ${props.of}`}
      addLabel="Thêm trường hợp khác"
      addFirstLabel={props.addFirstLabel}
      newEntry={() => ({ case: '', items: [props.newItem()] })}
    >
      {(c) => (
        <>
          <CaseName index={c} />
          <Form.List name={[c, 'items']}>
            {(rows, { add, remove }) => (
              <>
                {props.children(c, rows, remove)}
                <AddButton row onClick={() => add(props.newItem())}>
                  {props.addItemLabel}
                </AddButton>
              </>
            )}
          </Form.List>
        </>
      )}
    </CardList>
  );
}

/** Trình tự thực hiện: steps, by case. */
export function StepCases() {
  return (
    <CaseCards
      name="steps"
      title="Trình tự thực hiện"
      of="trình tự"
      newItem={() => ''}
      addItemLabel="Thêm bước"
      addFirstLabel="Thêm bước thực hiện"
    >
      {(c, steps, remove) =>
        steps.map((s) => (
          <Flex key={s.key} gap={8} align="start">
            <Typography.Text style={{ paddingTop: 5, minWidth: 56 }}>Bước {s.name + 1}</Typography.Text>
            <Form.Item
              name={s.name}
              style={{ flex: 1, marginBottom: 8 }}
              rules={[requiredText('Hãy nhập nội dung bước này hoặc xóa bước')]}
            >
              <Input.TextArea
                aria-label={`Trường hợp ${c + 1}, bước ${s.name + 1}`}
                autoSize={{ minRows: 1, maxRows: 6 }}
              />
            </Form.Item>
            <RemoveButton
              label={`Xóa bước ${s.name + 1} của trường hợp ${c + 1}`}
              onClick={() => remove(s.name)}
            />
          </Flex>
        ))
      }
    </CaseCards>
  );
}

/** Column names above the documents (each input also carries its own full name for screen readers). */
function DossierHeader() {
  const head = { fontWeight: 500, marginBottom: 4 };
  return (
    <Row gutter={8} aria-hidden style={head}>
      <Col xs={0} md={10}>
        Tên giấy tờ
      </Col>
      <Col xs={0} md={6}>
        Tên mẫu đơn, tờ khai
      </Col>
      <Col xs={0} md={3}>
        Số bản chính
      </Col>
      <Col xs={0} md={3}>
        Số bản sao
      </Col>
    </Row>
  );
}

/**
 * Thành phần hồ sơ: documents with their form (its name, and its files to download from the portal) and
 * how many originals and copies, by case. Files go to the unit's documents (`unitId`).
 */
export function DossierCases({ unitId }: { unitId: string | null | undefined }) {
  return (
    <CaseCards
      name="dossier"
      title="Thành phần hồ sơ"
      of="hồ sơ"
      newItem={() => ({ name: '', form: '', originals: 1, copies: 0, forms: [] })}
      addItemLabel="Thêm giấy tờ"
      addFirstLabel="Thêm giấy tờ"
    >
      {(c, items, remove) => (
        <>
          {items.length > 0 && <DossierHeader />}
          {items.map((item) => {
            const where = `trường hợp ${c + 1}, giấy tờ ${item.name + 1}`;
            return (
              <Row key={item.key} gutter={8} align="top" wrap>
                <Col xs={24} md={10}>
                  <Form.Item
                    name={[item.name, 'name']}
                    style={{ marginBottom: 8 }}
                    rules={[requiredText('Hãy nhập tên giấy tờ')]}
                  >
                    <Input.TextArea
                      aria-label={`Tên giấy tờ (${where})`}
                      placeholder="Tên giấy tờ"
                      autoSize={{ minRows: 1, maxRows: 4 }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[item.name, 'form']} style={{ marginBottom: 8 }}>
                    <Input aria-label={`Mẫu đơn, tờ khai (${where})`} placeholder="Mẫu đơn, tờ khai" />
                  </Form.Item>
                </Col>
                <Col xs={10} md={3}>
                  <CountItem
                    name={[item.name, 'originals']}
                    label={`Số bản chính (${where})`}
                    placeholder="Bản chính"
                  />
                </Col>
                <Col xs={10} md={3}>
                  <CountItem
                    name={[item.name, 'copies']}
                    label={`Số bản sao (${where})`}
                    placeholder="Bản sao"
                  />
                </Col>
                <Col xs={4} md={2}>
                  <RemoveButton
                    label={`Xóa giấy tờ ${item.name + 1} của trường hợp ${c + 1}`}
                    onClick={() => remove(item.name)}
                  />
                </Col>
                <Col xs={24} md={22} style={{ marginBottom: 12 }}>
                  <FormFiles unitId={unitId} path={['dossier', c, 'items', item.name]} where={where} />
                </Col>
              </Row>
            );
          })}
        </>
      )}
    </CaseCards>
  );
}

/** "PDF, 120 KB": what a form file is, as the portal says it. */
export function fileLabel(file: Pick<FormFile, 'kind' | 'bytes'>): string {
  const bytes = file.bytes ?? 0;
  const size =
    bytes < 1024 * 1024
      ? `${Math.max(1, Math.ceil(bytes / 1024))} KB`
      : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
  return `${(file.kind ?? '').toUpperCase()}, ${size}`;
}

/** Holds a value of the form without showing it (the file's url and name are shown by FileLine). */
function Kept(_: { value?: unknown }) {
  return null;
}

/** One attached file: its link (downloads under its name, as on the portal), what it is, and removal. */
function FileLine({
  path,
  label,
  onRemove,
}: {
  path: (string | number)[];
  label: string;
  onRemove: () => void;
}) {
  // `preserve`: kind and size are in the store but in no field (only url and name are sent back).
  const file = Form.useWatch(path, { preserve: true }) as FormFile | undefined;
  if (!file?.url) {
    return null;
  }
  return (
    <Flex gap={4} align="center" wrap>
      <PaperClipOutlined aria-hidden />
      <Typography.Link href={`${file.url}?download=${encodeURIComponent(file.name)}`}>
        {file.name}
      </Typography.Link>
      {file.kind && <Typography.Text type="secondary">({fileLabel(file)})</Typography.Text>}
      <RemoveButton label={`Xóa tệp ${file.name} (${label})`} onClick={onRemove} />
    </Flex>
  );
}

/**
 * The form files of one dossier item: "Đính kèm mẫu đơn, tờ khai" uploads a PDF, Word or Excel file to the
 * unit's documents, then lists it with its link and a remove button. The api's refusal of a file (its
 * url or name) shows under the file it names.
 */
function FormFiles({
  unitId,
  path,
  where,
}: {
  unitId: string | null | undefined;
  /** The dossier item's full path in the form. */
  path: (string | number)[];
  where: string;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  return (
    <Form.List name={[path[path.length - 1], 'forms']}>
      {(files, { add, remove }) => (
        <Flex vertical gap={2}>
          {files.map((f) => (
            <Form.Item key={f.key} style={{ marginBottom: 0 }}>
              <Form.Item name={[f.name, 'url']} noStyle>
                <Kept />
              </Form.Item>
              <Form.Item name={[f.name, 'name']} noStyle>
                <Kept />
              </Form.Item>
              <FileLine path={[...path, 'forms', f.name]} label={where} onRemove={() => remove(f.name)} />
            </Form.Item>
          ))}
          <div>
            <Upload
              accept={FORM_FILE_EXTENSIONS.join(',')}
              multiple
              showUploadList={false}
              disabled={!unitId}
              beforeUpload={(file) => {
                const refused = tooLarge(file.size, FORM_FILE_MAX_BYTES);
                if (refused) {
                  void message.error(`${file.name}: ${refused}`);
                  return Upload.LIST_IGNORE;
                }
                return true;
              }}
              customRequest={({ file, onSuccess, onError }) => {
                setUploading((n) => n + 1);
                uploadFormFile(unitId ?? '', file as File)
                  .then((stored) => {
                    add({ url: stored.url, name: stored.name, kind: stored.kind, bytes: stored.bytes });
                    onSuccess?.(stored);
                  })
                  .catch((error: unknown) => {
                    void message.error(`${(file as File).name}: ${errorMessage(error)}`);
                    onError?.(error as Error);
                  })
                  .finally(() => setUploading((n) => n - 1));
              }}
            >
              <Button
                size="small"
                icon={<UploadOutlined aria-hidden />}
                loading={uploading > 0}
                aria-label={`Đính kèm mẫu đơn, tờ khai (${where})`}
              >
                Đính kèm mẫu đơn, tờ khai
              </Button>
            </Upload>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}

/** How many originals or copies of a document: 0 to 100. */
function CountItem(props: { name: [number, string]; label: string; placeholder: string }) {
  return (
    <Form.Item name={props.name} style={{ marginBottom: 8 }}>
      <NumberInput
        aria-label={props.label}
        placeholder={props.placeholder}
        min={0}
        max={100}
        precision={0}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

/**
 * Cách thức thực hiện: each channel, with a time limit and fees of its own only where they differ from the
 * procedure's general ones (the portal shows the general value for a method that gives none).
 */
export function Methods() {
  const form = Form.useFormInstance();
  const general = {
    timeLimit: ((Form.useWatch('timeLimit', form) as string | undefined) ?? '').trim(),
    fees: ((Form.useWatch('fees', form) as string | undefined) ?? '').trim(),
  };
  return (
    <CardList
      name="methods"
      title="Cách thức thực hiện"
      entryTitle={(n) => `Cách thức ${n}`}
      removeLabel={(n) => `Xóa cách thức ${n}`}
      addLabel="Thêm cách nộp hồ sơ"
      newEntry={() => ({ channel: '', timeLimit: '', fees: '', description: '' })}
    >
      {(m) => (
        <>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name={[m, 'channel']}
                label="Hình thức nộp"
                rules={[requiredText('Hãy nhập hình thức nộp')]}
              >
                <Input placeholder="Trực tiếp, Trực tuyến, Dịch vụ bưu chính" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={[m, 'timeLimit']} label="Thời hạn theo cách này (nếu khác)">
                <Input
                  placeholder={
                    general.timeLimit ? `Chung: ${general.timeLimit}` : 'Để trống: theo thời hạn chung'
                  }
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={[m, 'fees']} label="Phí, lệ phí theo cách này (nếu khác)">
                <Input
                  placeholder={general.fees ? `Chung: ${general.fees}` : 'Để trống: theo phí, lệ phí chung'}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={[m, 'description']} label="Mô tả" style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
          </Form.Item>
        </>
      )}
    </CardList>
  );
}

/** Căn cứ pháp lý: one row per legal document. */
export function LegalBasis() {
  return (
    <Region title="Căn cứ pháp lý">
      <Form.List name="legalBasis">
        {(documents, { add, remove }) => (
          <>
            {documents.map((d) => {
              const n = d.name + 1;
              return (
                <Row key={d.key} gutter={8} align="top">
                  <Col xs={24} md={4}>
                    <Form.Item name={[d.name, 'number']} style={{ marginBottom: 8 }}>
                      <Input aria-label={`Số hiệu văn bản ${n}`} placeholder="Số hiệu" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[d.name, 'title']}
                      style={{ marginBottom: 8 }}
                      rules={[requiredText('Hãy nhập tên văn bản')]}
                    >
                      <Input aria-label={`Tên văn bản ${n}`} placeholder="Tên văn bản (trích yếu)" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[d.name, 'issuedOn']} style={{ marginBottom: 8 }} {...dateField}>
                      <DateInput aria-label={`Ngày ban hành văn bản ${n}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={5}>
                    <Form.Item name={[d.name, 'issuer']} style={{ marginBottom: 8 }}>
                      <Input aria-label={`Cơ quan ban hành văn bản ${n}`} placeholder="Cơ quan ban hành" />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={1}>
                    <RemoveButton label={`Xóa văn bản ${n}`} onClick={() => remove(d.name)} />
                  </Col>
                </Row>
              );
            })}
            <AddButton onClick={() => add({ number: '', title: '', issuedOn: null, issuer: '' })}>
              Thêm văn bản căn cứ
            </AddButton>
          </>
        )}
      </Form.List>
    </Region>
  );
}
