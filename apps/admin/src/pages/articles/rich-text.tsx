import {
  AlignCenterOutlined,
  BoldOutlined,
  FileImageOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  TableOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import TextAlign from '@tiptap/extension-text-align';
import { Slice } from '@tiptap/pm/model';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { App, Button, ConfigProvider, Space, Tooltip } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../lib/errors';
import './rich-text.css';
import { cleanWordHtml } from './word-paste';

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
  'aria-label'?: string;
  /** Uploads an image and answers its URL; without it the editor offers no image button. */
  uploadImage?: (file: File) => Promise<{ url: string }>;
}

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

/**
 * The article body editor (TipTap). Pasting from Word keeps headings, lists (Word's list paragraphs become
 * real nested lists: word-paste.ts), alignment, tables, bold/italic and links; everything is sanitized again
 * by the api, which is what decides.
 */
export function RichText({ value, onChange, id, 'aria-label': ariaLabel, uploadImage }: Props) {
  const { message } = App.useApp();
  const fileInput = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(0);
  // The editor's paste and drop handlers are fixed at creation; they reach the current upload through this.
  const insertImages = useRef<(files: File[], at?: number) => boolean>(() => false);

  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [1, 2, 3, 4] },
        link: { openOnClick: false, autolink: true },
      }),
      TableKit.configure({ table: { resizable: false } }),
      // Pasted web images (https) are kept; image files (chosen, pasted or dropped) are uploaded first.
      Image.configure({ allowBase64: false }),
      // Stored as style="text-align: …" on the block, the one style the api's sanitizer keeps.
      TextAlign.configure({
        types: ['heading', 'paragraph'],
        alignments: ['left', 'center', 'right', 'justify'],
      }),
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
      transformPastedHTML: cleanWordHtml,
      // Pasted onto an empty line (a new article, a line just made with Enter) the first block comes whole:
      // ProseMirror would pour its text into the empty paragraph, whose alignment (none) would win over the
      // centred title Word sent.
      transformPasted: (slice, view) =>
        slice.openStart > 0 && view.state.selection.$from.parent.content.size === 0
          ? new Slice(slice.content, 0, slice.openEnd)
          : slice,
      handlePaste: (_view, event) => insertImages.current(imageFiles(event.clipboardData?.files)),
      handleDrop: (view, event) => {
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
        return insertImages.current(imageFiles(event.dataTransfer?.files), at);
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

  useEffect(() => {
    insertImages.current = (files, at) => {
      if (!uploadImage || files.length === 0 || !editor) {
        return false;
      }
      void (async () => {
        for (const file of files) {
          setUploading((n) => n + 1);
          try {
            const image = await uploadImage(file);
            const content = { type: 'image', attrs: { src: image.url, alt: altFromName(file.name) } };
            // After the selection, never over it: a selected image or text is not replaced by an upload.
            editor
              .chain()
              .focus()
              .insertContentAt(at ?? editor.state.selection.to, content)
              .run();
          } catch (error) {
            void message.error(`Không tải được ảnh ${file.name}: ${errorMessage(error)}`);
          } finally {
            setUploading((n) => n - 1);
          }
        }
      })();
      return true;
    };
  }, [editor, uploadImage, message]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      underline: e?.isActive('underline') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      center: e?.isActive({ textAlign: 'center' }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });

  // Inside a disabled form (an article this person may not edit) the body is read-only and has no toolbar.
  const { componentDisabled } = ConfigProvider.useConfig();
  const readOnly = !!componentDisabled;
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) {
      editor.setEditable(!readOnly);
    }
  }, [editor, readOnly]);

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
      {!readOnly && (
        <Space wrap size={4} style={{ padding: 6, borderBottom: '1px solid #f0f0f0', width: '100%' }}>
          {tool('Đậm', <BoldOutlined aria-hidden />, state?.bold, () =>
            editor?.chain().focus().toggleBold().run(),
          )}
          {tool('Nghiêng', <ItalicOutlined aria-hidden />, state?.italic, () =>
            editor?.chain().focus().toggleItalic().run(),
          )}
          {tool('Gạch chân', <UnderlineOutlined aria-hidden />, state?.underline, () =>
            editor?.chain().focus().toggleUnderline().run(),
          )}
          <Tooltip title="Tiêu đề mục">
            {/* The name says what the button shows (H2) and what it does, for screen readers and voice control. */}
            <Button
              size="small"
              type={state?.h2 ? 'primary' : 'default'}
              aria-label="H2 – Tiêu đề mục"
              aria-pressed={state?.h2 ?? false}
              onClick={() => editor?.chain().focus().toggleHeading({ level: 2 }).run()}
            >
              H2
            </Button>
          </Tooltip>
          {tool('Căn giữa', <AlignCenterOutlined aria-hidden />, state?.center, () =>
            state?.center
              ? editor?.chain().focus().unsetTextAlign().run()
              : editor?.chain().focus().setTextAlign('center').run(),
          )}
          {tool('Danh sách', <UnorderedListOutlined aria-hidden />, state?.bullet, () =>
            editor?.chain().focus().toggleBulletList().run(),
          )}
          {tool('Danh sách đánh số', <OrderedListOutlined aria-hidden />, state?.ordered, () =>
            editor?.chain().focus().toggleOrderedList().run(),
          )}
          {tool('Liên kết', <LinkOutlined aria-hidden />, state?.link, () => {
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
          {tool('Chèn bảng', <TableOutlined aria-hidden />, false, () =>
            editor?.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
          )}
          {uploadImage && (
            <Tooltip title="Chèn ảnh (JPEG, PNG, GIF, WebP; tối đa 10 MB)">
              <Button
                size="small"
                icon={<FileImageOutlined aria-hidden />}
                loading={uploading > 0}
                onClick={() => fileInput.current?.click()}
              >
                Chèn ảnh
              </Button>
            </Tooltip>
          )}
        </Space>
      )}
      {uploadImage && !readOnly && (
        // The browser's own file input ("Choose Files") is never shown: the button above opens it.
        <input
          ref={fileInput}
          type="file"
          accept={IMAGE_TYPES.join(',')}
          multiple
          hidden
          style={{ display: 'none' }}
          tabIndex={-1}
          aria-hidden="true"
          data-testid="image-file"
          onChange={(event) => {
            insertImages.current(imageFiles(event.target.files));
            event.target.value = '';
          }}
        />
      )}
      <EditorContent editor={editor} style={{ padding: '4px 12px', minHeight: 240 }} />
    </div>
  );
}

function imageFiles(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((file) => IMAGE_TYPES.includes(file.type));
}

/** "anh-hoi-nghi_2026.jpg" → "anh hoi nghi 2026": a starting alt text the editor can improve. */
function altFromName(name: string): string {
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
}
