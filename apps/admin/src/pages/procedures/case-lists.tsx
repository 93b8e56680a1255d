import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE_FORMAT } from '../../lib/format';

// The lists of a procedure that differ by case (trường hợp) and its other repeated rows. Form names
// follow the api's field paths (`dossier.0.items.1.name`), so its field errors land under the right input.

/** A date kept in the form as the api's YYYY-MM-DD text, shown and picked as dd/mm/yyyy. */
export const dateField = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

export function DateInput(props: { 'aria-label'?: string; id?: string }) {
  return <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} {...props} />;
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="text" danger icon={<DeleteOutlined />} aria-label={label} title={label} onClick={onClick} />
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

/** Trình tự thực hiện: steps, by case. */
export function StepCases() {
  return (
    <Card
      title="Trình tự thực hiện"
      role="region"
      aria-label="Trình tự thực hiện"
      style={{ marginBottom: 16 }}
    >
      <Form.List name="steps">
        {(cases, { add, remove }) => (
          <>
            {cases.map((c) => (
              <Card
                key={c.key}
                type="inner"
                size="small"
                style={{ marginBottom: 12 }}
                title={`Trường hợp ${c.name + 1}`}
                extra={
                  <RemoveButton
                    label={`Xóa trường hợp ${c.name + 1} của trình tự`}
                    onClick={() => remove(c.name)}
                  />
                }
              >
                <CaseName index={c.name} />
                <Form.List name={[c.name, 'items']}>
                  {(steps, { add: addStep, remove: removeStep }) => (
                    <>
                      {steps.map((s) => (
                        <Flex key={s.key} gap={8} align="start">
                          <Typography.Text style={{ paddingTop: 5, minWidth: 56 }}>
                            Bước {s.name + 1}
                          </Typography.Text>
                          <Form.Item
                            name={s.name}
                            style={{ flex: 1, marginBottom: 8 }}
                            rules={[
                              {
                                required: true,
                                whitespace: true,
                                message: 'Hãy nhập nội dung bước này hoặc xóa bước',
                              },
                            ]}
                          >
                            <Input.TextArea
                              aria-label={`Trường hợp ${c.name + 1}, bước ${s.name + 1}`}
                              autoSize={{ minRows: 1, maxRows: 6 }}
                            />
                          </Form.Item>
                          <RemoveButton
                            label={`Xóa bước ${s.name + 1} của trường hợp ${c.name + 1}`}
                            onClick={() => removeStep(s.name)}
                          />
                        </Flex>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => addStep('')}>
                        Thêm bước
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ case: '', items: [''] })}>
              Thêm trường hợp
            </Button>
          </>
        )}
      </Form.List>
    </Card>
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
        Mẫu đơn, tờ khai
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

/** Thành phần hồ sơ: documents with their form and how many originals and copies, by case. */
export function DossierCases() {
  return (
    <Card title="Thành phần hồ sơ" role="region" aria-label="Thành phần hồ sơ" style={{ marginBottom: 16 }}>
      <Form.List name="dossier">
        {(cases, { add, remove }) => (
          <>
            {cases.map((c) => (
              <Card
                key={c.key}
                type="inner"
                size="small"
                style={{ marginBottom: 12 }}
                title={`Trường hợp ${c.name + 1}`}
                extra={
                  <RemoveButton
                    label={`Xóa trường hợp ${c.name + 1} của hồ sơ`}
                    onClick={() => remove(c.name)}
                  />
                }
              >
                <CaseName index={c.name} />
                <Form.List name={[c.name, 'items']}>
                  {(items, { add: addItem, remove: removeItem }) => (
                    <>
                      {items.length > 0 && <DossierHeader />}
                      {items.map((item) => {
                        const where = `trường hợp ${c.name + 1}, giấy tờ ${item.name + 1}`;
                        return (
                          <Row key={item.key} gutter={8} align="top" wrap>
                            <Col xs={24} md={10}>
                              <Form.Item
                                name={[item.name, 'name']}
                                style={{ marginBottom: 8 }}
                                rules={[
                                  { required: true, whitespace: true, message: 'Hãy nhập tên giấy tờ' },
                                ]}
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
                                <Input
                                  aria-label={`Mẫu đơn, tờ khai (${where})`}
                                  placeholder="Mẫu đơn, tờ khai"
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={10} md={3}>
                              <Form.Item name={[item.name, 'originals']} style={{ marginBottom: 8 }}>
                                <InputNumber
                                  aria-label={`Số bản chính (${where})`}
                                  placeholder="Bản chính"
                                  min={0}
                                  max={100}
                                  precision={0}
                                  style={{ width: '100%' }}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={10} md={3}>
                              <Form.Item name={[item.name, 'copies']} style={{ marginBottom: 8 }}>
                                <InputNumber
                                  aria-label={`Số bản sao (${where})`}
                                  placeholder="Bản sao"
                                  min={0}
                                  max={100}
                                  precision={0}
                                  style={{ width: '100%' }}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={4} md={2}>
                              <RemoveButton
                                label={`Xóa giấy tờ ${item.name + 1} của trường hợp ${c.name + 1}`}
                                onClick={() => removeItem(item.name)}
                              />
                            </Col>
                          </Row>
                        );
                      })}
                      <Button
                        type="dashed"
                        icon={<PlusOutlined />}
                        onClick={() => addItem({ name: '', form: '', originals: 1, copies: 0 })}
                      >
                        Thêm giấy tờ
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ case: '', items: [{ name: '', form: '', originals: 1, copies: 0 }] })}
            >
              Thêm trường hợp
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** Cách thức thực hiện: each channel with its own time limit and fees. */
export function Methods() {
  return (
    <Card
      title="Cách thức thực hiện"
      role="region"
      aria-label="Cách thức thực hiện"
      style={{ marginBottom: 16 }}
    >
      <Form.List name="methods">
        {(methods, { add, remove }) => (
          <>
            {methods.map((m) => (
              <Card
                key={m.key}
                type="inner"
                size="small"
                style={{ marginBottom: 12 }}
                title={`Cách thức ${m.name + 1}`}
                extra={<RemoveButton label={`Xóa cách thức ${m.name + 1}`} onClick={() => remove(m.name)} />}
              >
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[m.name, 'channel']}
                      label="Hình thức nộp"
                      rules={[{ required: true, whitespace: true, message: 'Hãy nhập hình thức nộp' }]}
                    >
                      <Input placeholder="Trực tiếp, Trực tuyến, Dịch vụ bưu chính" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[m.name, 'timeLimit']} label="Thời hạn giải quyết">
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[m.name, 'fees']} label="Phí, lệ phí">
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name={[m.name, 'description']} label="Mô tả" style={{ marginBottom: 0 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
                </Form.Item>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ channel: '', timeLimit: '', fees: '', description: '' })}
            >
              Thêm cách thức
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** Căn cứ pháp lý: one row per legal document. */
export function LegalBasis() {
  return (
    <Card title="Căn cứ pháp lý" role="region" aria-label="Căn cứ pháp lý" style={{ marginBottom: 16 }}>
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
                      rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên văn bản' }]}
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
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ number: '', title: '', issuedOn: null, issuer: '' })}
            >
              Thêm văn bản
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
