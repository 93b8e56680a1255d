import {
  BarChartOutlined,
  CarryOutOutlined,
  FileWordOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CloudUploadOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  EditOutlined,
  FileTextOutlined,
  HomeOutlined,
  NotificationOutlined,
  PlusOutlined,
  PrinterOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SoundOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Session } from './session/session';

/** The menu's sections, in the order of the product (design.md §1). */
export const SECTIONS = [
  'Tin bài',
  'Thủ tục hành chính',
  'Âm thanh',
  'Phát sóng',
  'Báo cáo',
  'Quản trị',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface Feature {
  /** Path under /admin. */
  path: string;
  label: string;
  icon: ReactNode;
  /** Menu section; none for entries at the top of the menu. */
  section?: Section;
  /** Shown in the menu (sub-pages such as a form are reached from their list). */
  inMenu: boolean;
  allowed(session: Session): boolean;
  page: LazyExoticComponent<ComponentType>;
}

const everyone = (): boolean => true;
/**
 * Who may open a screen is what the api says the person may do in the current unit (`GET /users/me` →
 * permissions, e.g. "articles.create"): the app keeps no role lists of its own.
 */
const may =
  (action: string) =>
  (s: Session): boolean =>
    s.can(action);
/** Any role in the current unit (every role reads its articles). */
const member = may('articles.read');

/**
 * Every screen of the app, in one list: the router and the menu are both made from it, so a menu entry
 * always leads to a built page, and a section without built pages is not shown. Later steps add their
 * screens here (Âm thanh, Phát sóng).
 */
export const FEATURES: Feature[] = [
  {
    path: '/',
    label: 'Tổng quan',
    icon: <HomeOutlined aria-hidden />,
    inMenu: true,
    allowed: everyone,
    page: lazy(() => import('./pages/home-page')),
  },
  {
    path: '/tin-bai',
    label: 'Danh sách tin bài',
    icon: <FileTextOutlined aria-hidden />,
    section: 'Tin bài',
    inMenu: true,
    allowed: may('articles.read'),
    page: lazy(() => import('./pages/articles/article-list-page')),
  },
  {
    path: '/tin-bai/viet-bai',
    label: 'Viết tin bài',
    icon: <EditOutlined aria-hidden />,
    section: 'Tin bài',
    inMenu: true,
    allowed: may('articles.create'),
    page: lazy(() => import('./pages/articles/article-edit-page')),
  },
  {
    path: '/tin-bai/chuyen-muc',
    label: 'Chuyên mục',
    icon: <TagsOutlined aria-hidden />,
    section: 'Tin bài',
    inMenu: true,
    allowed: may('categories.manage'),
    page: lazy(() => import('./pages/articles/categories-page')),
  },
  {
    path: '/tin-bai/:id',
    label: 'Tin bài',
    icon: <FileTextOutlined aria-hidden />,
    section: 'Tin bài',
    inMenu: false,
    allowed: may('articles.read'),
    page: lazy(() => import('./pages/articles/article-edit-page')),
  },
  {
    path: '/thu-tuc',
    label: 'Danh sách thủ tục',
    icon: <ProfileOutlined aria-hidden />,
    section: 'Thủ tục hành chính',
    inMenu: true,
    allowed: may('procedures.read'),
    page: lazy(() => import('./pages/procedures/procedure-list-page')),
  },
  {
    path: '/thu-tuc/them-moi',
    label: 'Thêm thủ tục',
    icon: <PlusOutlined aria-hidden />,
    section: 'Thủ tục hành chính',
    inMenu: true,
    allowed: may('procedures.create'),
    page: lazy(() => import('./pages/procedures/procedure-edit-page')),
  },
  {
    path: '/thu-tuc/nhap-tu-tep',
    label: 'Nhập từ tệp',
    icon: <CloudUploadOutlined aria-hidden />,
    section: 'Thủ tục hành chính',
    inMenu: true,
    allowed: may('procedures.import'),
    page: lazy(() => import('./pages/procedures/import-page')),
  },
  {
    path: '/thu-tuc/:id',
    label: 'Thủ tục hành chính',
    icon: <ProfileOutlined aria-hidden />,
    section: 'Thủ tục hành chính',
    inMenu: false,
    allowed: may('procedures.read'),
    page: lazy(() => import('./pages/procedures/procedure-edit-page')),
  },
  {
    path: '/am-thanh',
    label: 'Bản tin âm thanh',
    icon: <SoundOutlined aria-hidden />,
    section: 'Âm thanh',
    inMenu: true,
    allowed: may('audio.read'),
    page: lazy(() => import('./pages/audio/audio-list-page')),
  },
  {
    path: '/am-thanh/tai-len',
    label: 'Tải chương trình lên',
    icon: <CloudUploadOutlined aria-hidden />,
    section: 'Âm thanh',
    inMenu: true,
    allowed: may('audio.upload'),
    page: lazy(() => import('./pages/audio/audio-upload-page')),
  },
  {
    path: '/am-thanh/nhac-hieu',
    label: 'Nhạc hiệu',
    icon: <CustomerServiceOutlined aria-hidden />,
    section: 'Âm thanh',
    inMenu: true,
    allowed: may('audio.read'),
    page: lazy(() => import('./pages/audio/jingles-page')),
  },
  {
    path: '/am-thanh/tu-dien',
    label: 'Từ điển cách đọc',
    icon: <BookOutlined aria-hidden />,
    section: 'Âm thanh',
    inMenu: true,
    allowed: member,
    page: lazy(() => import('./pages/audio/lexicon-page')),
  },
  {
    path: '/phat-song/dai',
    label: 'Đài và khung giờ',
    icon: <NotificationOutlined aria-hidden />,
    section: 'Phát sóng',
    inMenu: true,
    allowed: may('broadcast.read'),
    page: lazy(() => import('./pages/broadcast/stations-page')),
  },
  {
    path: '/phat-song/lich',
    label: 'Lịch phát sóng',
    icon: <ScheduleOutlined aria-hidden />,
    section: 'Phát sóng',
    inMenu: true,
    allowed: may('broadcast.read'),
    page: lazy(() => import('./pages/broadcast/plan-page')),
  },
  {
    path: '/phat-song/lich/in',
    label: 'In lịch phát sóng',
    icon: <PrinterOutlined aria-hidden />,
    section: 'Phát sóng',
    inMenu: false,
    allowed: may('broadcast.read'),
    page: lazy(() => import('./pages/broadcast/plan-print-page')),
  },
  {
    path: '/phat-song/dieu-khien',
    label: 'Điều khiển phát',
    icon: <ControlOutlined aria-hidden />,
    section: 'Phát sóng',
    inMenu: true,
    allowed: may('broadcast.air'),
    page: lazy(() => import('./pages/broadcast/console-page')),
  },
  {
    path: '/phat-song/so-nhat-ky',
    label: 'Sổ nhật ký phát sóng',
    icon: <FileTextOutlined aria-hidden />,
    section: 'Phát sóng',
    inMenu: true,
    allowed: may('broadcast.read'),
    page: lazy(() => import('./pages/logbook/logbook-page')),
  },
  {
    path: '/bao-cao/so-lieu',
    label: 'Số liệu báo cáo',
    icon: <BarChartOutlined aria-hidden />,
    section: 'Báo cáo',
    inMenu: true,
    allowed: may('reports.read'),
    page: lazy(() => import('./pages/reports/summary-page')),
  },
  {
    path: '/bao-cao/bao-cao-nam',
    label: 'Báo cáo năm',
    icon: <FileWordOutlined aria-hidden />,
    section: 'Báo cáo',
    inMenu: true,
    allowed: may('reports.read'),
    page: lazy(() => import('./pages/reports/annual-report-page')),
  },
  {
    path: '/bao-cao/hoat-dong',
    label: 'Hoạt động, kế hoạch',
    icon: <CarryOutOutlined aria-hidden />,
    section: 'Báo cáo',
    inMenu: true,
    allowed: may('reports.read'),
    page: lazy(() => import('./pages/reports/records-page')),
  },
  {
    path: '/bao-cao/chung-cu',
    label: 'Nhật ký chứng cứ',
    icon: <SafetyCertificateOutlined aria-hidden />,
    section: 'Báo cáo',
    inMenu: true,
    allowed: may('reports.read'),
    page: lazy(() => import('./pages/reports/evidence-page')),
  },
  {
    path: '/quan-tri/don-vi',
    label: 'Đơn vị',
    icon: <ApartmentOutlined aria-hidden />,
    section: 'Quản trị',
    inMenu: true,
    allowed: may('units.edit'),
    page: lazy(() => import('./pages/admin/units-page')),
  },
  {
    path: '/quan-tri/don-vi/tao-moi',
    label: 'Thêm đơn vị',
    icon: <ApartmentOutlined aria-hidden />,
    section: 'Quản trị',
    inMenu: false,
    allowed: (s) => s.isSystemAdmin,
    page: lazy(() => import('./pages/admin/unit-form-page')),
  },
  {
    path: '/quan-tri/don-vi/:id',
    label: 'Sửa đơn vị',
    icon: <ApartmentOutlined aria-hidden />,
    section: 'Quản trị',
    inMenu: false,
    allowed: may('units.edit'),
    page: lazy(() => import('./pages/admin/unit-form-page')),
  },
  {
    path: '/quan-tri/nguoi-dung',
    label: 'Người dùng',
    icon: <TeamOutlined aria-hidden />,
    section: 'Quản trị',
    inMenu: true,
    allowed: may('users.manage'),
    page: lazy(() => import('./pages/admin/users-page')),
  },
  {
    path: '/quan-tri/nguoi-dung/tao-moi',
    label: 'Thêm người dùng',
    icon: <TeamOutlined aria-hidden />,
    section: 'Quản trị',
    inMenu: false,
    allowed: may('users.manage'),
    page: lazy(() => import('./pages/admin/user-form-page')),
  },
  {
    path: '/quan-tri/nguoi-dung/:id',
    label: 'Sửa người dùng',
    icon: <TeamOutlined aria-hidden />,
    section: 'Quản trị',
    inMenu: false,
    allowed: may('users.manage'),
    page: lazy(() => import('./pages/admin/user-form-page')),
  },
  {
    path: '/tai-khoan',
    label: 'Tài khoản của tôi',
    icon: <UserOutlined aria-hidden />,
    inMenu: true,
    allowed: everyone,
    page: lazy(() => import('./pages/account-page')),
  },
];

export const SECTION_ICONS: Partial<Record<Section, ReactNode>> = {
  'Tin bài': <FileTextOutlined aria-hidden />,
  'Thủ tục hành chính': <ProfileOutlined aria-hidden />,
  'Âm thanh': <SoundOutlined aria-hidden />,
  'Phát sóng': <NotificationOutlined aria-hidden />,
  'Báo cáo': <AuditOutlined aria-hidden />,
  'Quản trị': <ApartmentOutlined aria-hidden />,
};
