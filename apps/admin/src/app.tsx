import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client';
import { AppRouter } from './router';
import { SessionProvider } from './session/session';

dayjs.locale('vi');

/**
 * Ant Design's Vietnamese, with the date pickers in people's words everywhere: "ngày/tháng/năm" rather than a
 * format or "Chọn thời điểm", "Chọn" rather than "OK", "Từ ngày – Đến ngày" for a range.
 */
const LOCALE: typeof viVN = {
  ...viVN,
  DatePicker: viVN.DatePicker && {
    ...viVN.DatePicker,
    lang: {
      ...viVN.DatePicker.lang,
      ok: 'Chọn',
      placeholder: 'ngày/tháng/năm',
      rangePlaceholder: ['Từ ngày', 'Đến ngày'],
    },
  },
};

/**
 * The theme's tokens, for contrast on white (WCAG 2.1 AA, 4.5:1) everywhere at once, not per screen: Ant Design's
 * secondary text (#8c8c8c, 3.4:1), placeholders (1.8:1) and links (#1677ff, 4.1:1) are darkened to about 6:1,
 * 5.3:1 and 6.2:1.
 */
const THEME = {
  token: {
    colorPrimary: '#b71c1c',
    borderRadius: 6,
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorLink: '#0958d9',
    // WCAG AA (4.5:1) for text in tags and red buttons: antd's own shades reach 3.4–3.9:1.
    colorError: '#c62828',
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
    // Tags' text (`<colour>7`, also read as the CSS variable --ant-<colour>-7, hence both names).
    green7: '#237804',
    'green-7': '#237804',
    gold7: '#874d00',
    'gold-7': '#874d00',
    orange7: '#ad4e00',
    'orange-7': '#ad4e00',
    blue7: '#003eb3',
    'blue-7': '#003eb3',
    red7: '#a8071a',
    'red-7': '#a8071a',
    purple7: '#391085',
    'purple-7': '#391085',
    volcano7: '#ad2102',
    'volcano-7': '#ad2102',
    cyan7: '#006d75',
    'cyan-7': '#006d75',
    magenta7: '#9e1068',
    'magenta-7': '#9e1068',
    geekblue7: '#10239e',
    'geekblue-7': '#10239e',
    lime7: '#3f6600',
    'lime-7': '#3f6600',
  },
};

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal (4xx) will not change by asking again.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

/**
 * Fetches the frame and the home screen, which the router would otherwise ask for one after the other once it
 * renders: ahead of the login, or beside the app's own start.
 */
export function preloadFirstScreen(): void {
  void import('./layout/app-layout').catch(() => undefined);
  void import('./pages/home-page').catch(() => undefined);
}

/**
 * The app behind the login (Ant Design, the router, react-query, the pages), loaded by main.ts once there is
 * a session, or ahead of time while the login screen waits for the person to type.
 */
export function startApp(container: HTMLElement): void {
  preloadFirstScreen();
  createRoot(container).render(
    <StrictMode>
      <ConfigProvider locale={LOCALE} theme={THEME}>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <AppRouter />
            </SessionProvider>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
