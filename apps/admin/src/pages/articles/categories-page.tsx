import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, Row, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useCategories, type Category } from '../../api/articles';
import { api, call } from '../../api/client';
import { ErrorNotice, LoadError, PageHeader } from '../../components/common';
import { applyFieldErrors } from '../../lib/errors';
import { useSession } from '../../session/session';

interface CategoryValues {
  name: string;
  slug?: string;
  countsAsCchc: boolean;
}

/** A unit's chuyên mục: the order on the portal's menu, and whether their articles count as CCHC. */
export default function CategoriesPage() {
  const session = useSession();
  const unitId = session.unitId;
  const categories = useCategories(unitId);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryValues>();
  const [notice, setNotice] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (values: CategoryValues) =>
      call(
        api.POST('/api/v1/units/{unitId}/categories', {
          params: { path: { unitId: unitId ?? '' } },
          body: {
            name: values.name,
            countsAsCchc: values.countsAsCchc,
            ...(values.slug ? { slug: values.slug } : {}),
          },
        }),
      ),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['categories', unitId] });
      form.resetFields();
      void message.success(`Đã thêm chuyên mục ${saved.name}`);
    },
    onError: (error) => setNotice(applyFieldErrors(form, error)),
  });

  const columns: TableColumnsType<Category> = [
    { title: 'Tên chuyên mục', dataIndex: 'name', key: 'name' },
    { title: 'Đường dẫn', dataIndex: 'slug', key: 'slug', responsive: ['md'] },
    {
      title: 'Báo cáo CCHC',
      key: 'cchc',
      render: (_, c) => (c.countsAsCchc ? <Tag color="red">Tính là CCHC</Tag> : <Tag>Không tính</Tag>),
    },
  ];

  return (
    <>
      <PageHeader title="Chuyên mục" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          {categories.isError ? (
            <LoadError error={categories.error} retry={() => void categories.refetch()} />
          ) : (
            <Table<Category>
              rowKey="id"
              columns={columns}
              dataSource={categories.data}
              loading={categories.isLoading}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card title="Thêm chuyên mục">
            <ErrorNotice message={notice} />
            <Form<CategoryValues>
              form={form}
              layout="vertical"
              initialValues={{ countsAsCchc: false }}
              disabled={create.isPending}
              onFinish={(values) => {
                setNotice(null);
                create.mutate(values);
              }}
            >
              <Form.Item
                label="Tên chuyên mục"
                name="name"
                rules={[
                  { required: true, whitespace: true, message: 'Hãy nhập tên chuyên mục' },
                  { max: 200 },
                ]}
              >
                <Input />
              </Form.Item>
              <Form.Item label="Đường dẫn" name="slug" extra="Để trống thì tạo từ tên, không dấu.">
                <Input />
              </Form.Item>
              <Form.Item
                label="Tính là tuyên truyền cải cách hành chính"
                name="countsAsCchc"
                valuePropName="checked"
                extra="Bài trong chuyên mục này được đếm vào số tin bài CCHC của báo cáo năm."
              >
                <Switch />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<PlusOutlined aria-hidden />}
                loading={create.isPending}
              >
                Thêm chuyên mục
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
