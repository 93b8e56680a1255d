import { HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Empty, List, Tag, Typography } from 'antd';
import { diffWordsWithSpace } from 'diff';
import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { LoadError } from '../../components/common';
import { formatDateTime } from '../../lib/format';
import { ARTICLE_STATUS } from '../../lib/labels';

type Revision = Schemas['ArticleRevisionResponse'];

const ACTION_LABELS: Record<string, string> = {
  create: 'Tạo bài',
  update: 'Sửa',
  submit: 'Gửi duyệt',
  approve: 'Duyệt',
  reject: 'Trả lại',
  publish: 'Đăng',
  schedule: 'Hẹn giờ đăng',
  unpublish: 'Gỡ bài',
  import: 'Nhập bài cũ',
  'correct-radio-script': 'Sửa lời đọc cho đài',
};

/** Who made the revision; the worker's scheduled publication has nobody. */
function who(r: Revision): string {
  return r.actorName ?? (r.actorId ? 'Không rõ' : 'Hệ thống');
}

/** What the radio said at that revision: its own script, else the body's words. */
function spoken(content: Revision['content'] | undefined): string {
  if (!content) {
    return '';
  }
  return typeof content.radioScript === 'string' ? content.radioScript : plainText(content.bodyHtml);
}

/** A script of its own on either side: else the spoken words are the body's, compared above already. */
function ownScript(previous: Revision | undefined, current: Revision): boolean {
  return typeof previous?.content.radioScript === 'string' || typeof current.content.radioScript === 'string';
}

// Where a reader sees a new line: after each block (paragraph, heading, list item, table row) and at <br>.
const BLOCK_END = /<\/(p|h[1-6]|li|tr|blockquote|pre|div|figure|table|ul|ol)\s*>/gi;

/** The words a reader sees, paragraph by paragraph: the body without its markup, a line per block. */
function plainText(html: unknown): string {
  if (typeof html !== 'string') {
    return '';
  }
  const marked = html
    .replace(BLOCK_END, '$&\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/t[dh]\s*>/gi, '$&\t');
  const text = new DOMParser().parseFromString(marked, 'text/html').body.textContent ?? '';
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function Diff({ before, after }: { before: string; after: string }) {
  // With the spaces and line breaks as words of their own, so paragraphs stay apart in the comparison.
  const parts = diffWordsWithSpace(before, after);
  if (parts.every((p) => !p.added && !p.removed)) {
    return <Typography.Text type="secondary">Không đổi</Typography.Text>;
  }
  return (
    <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }}>
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} style={{ background: '#d9f7be', textDecoration: 'none' }}>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} style={{ background: '#ffccc7' }}>
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </div>
  );
}

/** "Lịch sử sửa đổi": every save and step of the article, each compared with the one before it. */
export function RevisionHistory({ articleId }: { articleId: string }) {
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const revisions = useQuery({
    queryKey: ['articles', articleId, 'revisions'],
    queryFn: () => call(api.GET('/api/v1/articles/{id}/revisions', { params: { path: { id: articleId } } })),
    enabled: open,
  });
  const list: Revision[] = revisions.data ?? [];
  const index = selected === null ? 0 : list.findIndex((r) => r.version === selected);
  const current = list[index];
  const previous = list[index + 1];

  return (
    <>
      <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setOpen(true)}>
        Lịch sử sửa đổi
      </Button>
      <Drawer
        title="Lịch sử sửa đổi"
        open={open}
        onClose={() => setOpen(false)}
        width={Math.min(720, window.innerWidth)}
      >
        {revisions.isError ? (
          <LoadError error={revisions.error} retry={() => void revisions.refetch()} />
        ) : (
          <>
            <List<Revision>
              loading={revisions.isLoading}
              dataSource={list}
              locale={{ emptyText: <Empty description="Chưa có lần sửa nào" /> }}
              renderItem={(r) => (
                <List.Item
                  onClick={() => setSelected(r.version)}
                  style={{
                    cursor: 'pointer',
                    background: r === current ? '#fff1f0' : undefined,
                    paddingInline: 8,
                  }}
                >
                  <List.Item.Meta
                    title={
                      <Button type="link" style={{ padding: 0 }} aria-label={`Phiên bản ${r.version}`}>
                        Phiên bản {r.version}: {ACTION_LABELS[r.action] ?? r.action}
                      </Button>
                    }
                    description={
                      <>
                        {formatDateTime(r.createdAt)} · {who(r)}
                        {r.reason && (
                          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                            Lý do: {r.reason}
                          </Typography.Paragraph>
                        )}
                      </>
                    }
                  />
                  <Tag color={ARTICLE_STATUS[r.status].color}>{ARTICLE_STATUS[r.status].label}</Tag>
                </List.Item>
              )}
            />
            {current && (
              <section aria-label="So sánh" style={{ marginTop: 16 }}>
                <Typography.Title level={5}>
                  Phiên bản {current.version} so với {previous ? `phiên bản ${previous.version}` : 'lúc tạo'}
                </Typography.Title>
                <Typography.Text strong>Tiêu đề</Typography.Text>
                <Diff
                  before={String(previous?.content.title ?? '')}
                  after={String(current.content.title ?? '')}
                />
                <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
                  Nội dung
                </Typography.Text>
                <Diff
                  before={plainText(previous?.content.bodyHtml)}
                  after={plainText(current.content.bodyHtml)}
                />
                {ownScript(previous, current) && spoken(previous?.content) !== spoken(current.content) && (
                  <>
                    <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
                      Lời đọc trên đài
                    </Typography.Text>
                    <Diff before={spoken(previous?.content)} after={spoken(current.content)} />
                  </>
                )}
                <p style={{ marginTop: 12 }}>
                  <Typography.Text strong>Người thực hiện: </Typography.Text>
                  {who(current)}
                </p>
                {current.content.reason ? (
                  <p>
                    <Typography.Text strong>Lý do: </Typography.Text>
                    {String(current.content.reason)}
                  </p>
                ) : null}
              </section>
            )}
          </>
        )}
      </Drawer>
    </>
  );
}
