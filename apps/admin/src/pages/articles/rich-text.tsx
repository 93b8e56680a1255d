import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  TableOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Space, Tooltip } from 'antd';
import { useEffect, type ReactNode } from 'react';
import './rich-text.css';

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
  'aria-label'?: string;
}

/**
 * The article body editor (TipTap). Pasting from Word keeps headings, lists, tables, bold/italic and
 * links; everything is sanitized again by the api, which is what decides.
 */
export function RichText({ value, onChange, id, 'aria-label': ariaLabel }: Props) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [1, 2, 3, 4] },
        link: { openOnClick: false, autolink: true },
      }),
      TableKit.configure({ table: { resizable: false } }),
      // Images already on the web (https) are kept when pasted; uploads come with media storage (step 5).
      Image.configure({ allowBase64: false }),
    ],
    content: value ?? '',
    editorProps: {
      attributes: {
        ...(id ? { id } : {}),
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': ariaLabel ?? 'Nội dung',
        class: 'rich-text-body',
      },
    },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });

  // The form may set the value later (an article loaded, a draft restored).
  useEffect(() => {
    if (editor && value !== undefined && value !== editor.getHTML() && !(value === '' && editor.isEmpty)) {
      editor.commands.setContent(value, { emitUpdate: false });
    }
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      underline: e?.isActive('underline') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });

  const tool = (label: string, icon: ReactNode, active: boolean | undefined, run: () => void) => (
    <Tooltip title={label}>
      <Button
        size="small"
        type={active ? 'primary' : 'default'}
        icon={icon}
        aria-label={label}
        aria-pressed={active ?? false}
        onClick={run}
      />
    </Tooltip>
  );

  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}>
      <Space wrap size={4} style={{ padding: 6, borderBottom: '1px solid #f0f0f0', width: '100%' }}>
        {tool('Đậm', <BoldOutlined />, state?.bold, () => editor?.chain().focus().toggleBold().run())}
        {tool('Nghiêng', <ItalicOutlined />, state?.italic, () =>
          editor?.chain().focus().toggleItalic().run(),
        )}
        {tool('Gạch chân', <UnderlineOutlined />, state?.underline, () =>
          editor?.chain().focus().toggleUnderline().run(),
        )}
        <Button
          size="small"
          type={state?.h2 ? 'primary' : 'default'}
          aria-label="Tiêu đề mục"
          onClick={() => editor?.chain().focus().toggleHeading({ level: 2 }).run()}
        >
          H2
        </Button>
        {tool('Danh sách', <UnorderedListOutlined />, state?.bullet, () =>
          editor?.chain().focus().toggleBulletList().run(),
        )}
        {tool('Danh sách đánh số', <OrderedListOutlined />, state?.ordered, () =>
          editor?.chain().focus().toggleOrderedList().run(),
        )}
        {tool('Liên kết', <LinkOutlined />, state?.link, () => {
          const href = window.prompt(
            'Địa chỉ liên kết (https://…)',
            editor?.getAttributes('link').href as string,
          );
          if (href === null) {
            return;
          }
          if (href === '') {
            editor?.chain().focus().unsetLink().run();
          } else {
            editor?.chain().focus().setLink({ href }).run();
          }
        })}
        {tool('Chèn bảng', <TableOutlined />, false, () =>
          editor?.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        )}
      </Space>
      <EditorContent editor={editor} style={{ padding: '4px 12px', minHeight: 240 }} />
    </div>
  );
}
