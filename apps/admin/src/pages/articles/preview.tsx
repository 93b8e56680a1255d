import { EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { LoadError, PageLoading } from '../../components/common';

/**
 * "Xem trước": the article as the portal will show it, rendered by the api's portal templates. Shown in
 * a sandboxed frame (no script, no access to the admin app), whatever the body holds.
 */
export function ArticlePreview({ articleId, version }: { articleId: string; version: number }) {
  const [open, setOpen] = useState(false);
  const preview = useQuery({
    queryKey: ['articles', articleId, 'preview', version],
    queryFn: () =>
      call<string>(
        api.GET('/api/v1/articles/{id}/preview', { params: { path: { id: articleId } }, parseAs: 'text' }),
      ),
    enabled: open,
  });
  return (
    <>
      <Button icon={<EyeOutlined aria-hidden />} onClick={() => setOpen(true)}>
        Xem trước
      </Button>
      <Modal
        title="Xem trước trên cổng thông tin"
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        width={Math.min(1000, window.innerWidth)}
        styles={{ body: { padding: 0 } }}
      >
        {preview.isLoading ? (
          <PageLoading />
        ) : preview.isError ? (
          <LoadError error={preview.error} retry={() => void preview.refetch()} />
        ) : (
          <iframe
            title="Bản xem trước"
            sandbox=""
            srcDoc={preview.data}
            style={{ width: '100%', height: '70vh', border: 0 }}
          />
        )}
      </Modal>
    </>
  );
}
