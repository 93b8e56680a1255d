import './login.css';

// The login screen in plain DOM: it is the first screen, shown before React, Ant Design and the app's pages
// have loaded (main.ts), and again inside the app when a session ends (pages/login-page.tsx). It keeps the
// look of the app's cards and its labels ("Tên đăng nhập", "Mật khẩu", "Đăng nhập").

/** What a refused login tells the person: the api's message, and its field messages when it names fields. */
export class LoginRefused extends Error {
  constructor(
    message: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

export interface LoginFormOptions {
  /** Why the last session ended, shown above the form. */
  notice: string | null;
  /** Signs in; rejects with a LoginRefused, or the app's ApiError (`body.message`, `body.details`). */
  submit: (username: string, password: string) => Promise<void>;
}

export interface LoginForm {
  destroy: () => void;
}

const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];

const REQUIRED: Record<Field, string> = {
  username: 'Hãy nhập tên đăng nhập',
  password: 'Hãy nhập mật khẩu',
};

const USER_ICON =
  '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="5" r="3" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M2.5 14.5c.6-3 2.8-4.5 5.5-4.5s4.9 1.5 5.5 4.5" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>';
const LOCK_ICON =
  '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><rect x="3" y="7" width="10" height="7.5" rx="1.2" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M5.2 7V5a2.8 2.8 0 0 1 5.6 0v2" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>';

// Static markup only: every text that comes from outside (the notice, errors) is set with textContent.
const MARKUP = `
<main class="login">
  <section class="login-card" aria-labelledby="login-title">
    <h1 id="login-title" class="login-title">Đăng nhập</h1>
    <p class="login-subtitle">Cổng thông tin điện tử và Đài truyền thanh</p>
    <div class="login-notice" role="status" hidden></div>
    <div class="login-error" role="alert" hidden></div>
    <form class="login-form" novalidate>
      <div class="login-field">
        <label for="login-username">Tên đăng nhập</label>
        <div class="login-input">${USER_ICON}<input id="login-username" name="username" type="text"
          autocomplete="username" autocapitalize="none" spellcheck="false" aria-describedby="login-username-error"></div>
        <div id="login-username-error" class="login-field-error" role="alert" hidden></div>
      </div>
      <div class="login-field">
        <label for="login-password">Mật khẩu</label>
        <div class="login-input">${LOCK_ICON}<input id="login-password" name="password" type="password"
          autocomplete="current-password" aria-describedby="login-password-error"></div>
        <div id="login-password-error" class="login-field-error" role="alert" hidden></div>
      </div>
      <button type="submit" class="login-button">Đăng nhập</button>
    </form>
  </section>
</main>`;

function show(element: HTMLElement, text: string | null): void {
  element.textContent = text ?? '';
  element.hidden = !text;
}

/** The message of a refusal, and which of its details belong under this form's fields. */
function describe(error: unknown): { message: string | null; fields: Partial<Record<Field, string>> } {
  type Failure = Partial<Pick<LoginRefused, 'message' | 'details'>>;
  const failure = (error ?? {}) as Failure & { body?: Failure };
  const details = failure.details ?? failure.body?.details ?? [];
  const fields: Partial<Record<Field, string>> = {};
  const rest: string[] = [];
  for (const detail of details) {
    if ((FIELDS as readonly string[]).includes(detail.field)) {
      fields[detail.field as Field] ??= detail.message;
    } else {
      rest.push(detail.message);
    }
  }
  const message =
    details.length > 0
      ? rest.join(' ') || null
      : (failure.message ?? failure.body?.message ?? 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.');
  return { message, fields };
}

/** Renders the login form into `container` (replacing what is there) and focuses the user name. */
export function mountLogin(container: HTMLElement, options: LoginFormOptions): LoginForm {
  container.innerHTML = MARKUP;
  const $ = <T extends HTMLElement>(selector: string): T => container.querySelector<T>(selector)!;
  const form = $<HTMLFormElement>('form');
  const button = $<HTMLButtonElement>('button');
  const notice = $('.login-notice');
  const alert = $('.login-error');
  const inputs: Record<Field, HTMLInputElement> = {
    username: $<HTMLInputElement>('#login-username'),
    password: $<HTMLInputElement>('#login-password'),
  };
  const fieldErrors: Record<Field, HTMLElement> = {
    username: $('#login-username-error'),
    password: $('#login-password-error'),
  };
  let busy = false;

  const setFieldError = (field: Field, text: string | null): void => {
    show(fieldErrors[field], text);
    inputs[field].toggleAttribute('aria-invalid', Boolean(text));
    inputs[field].closest('.login-field')!.classList.toggle('login-field-invalid', Boolean(text));
  };
  const setBusy = (value: boolean): void => {
    busy = value;
    button.disabled = value;
    button.setAttribute('aria-busy', String(value));
    button.textContent = value ? 'Đang đăng nhập…' : 'Đăng nhập';
    FIELDS.forEach((field) => (inputs[field].readOnly = value));
  };

  show(notice, options.notice);
  for (const field of FIELDS) {
    inputs[field].addEventListener('input', () => setFieldError(field, null));
  }

  const onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (busy) {
      return;
    }
    const username = inputs.username.value.trim();
    const password = inputs.password.value;
    const missing = FIELDS.filter((field) => !(field === 'username' ? username : password));
    FIELDS.forEach((field) => setFieldError(field, missing.includes(field) ? REQUIRED[field] : null));
    if (missing.length > 0) {
      inputs[missing[0]].focus();
      return;
    }
    show(alert, null);
    setBusy(true);
    options.submit(username, password).then(
      // On success the caller replaces this screen; until then the button says it is working.
      () => undefined,
      (error: unknown) => {
        setBusy(false);
        const { message, fields } = describe(error);
        FIELDS.forEach((field) => setFieldError(field, fields[field] ?? null));
        show(notice, null);
        show(alert, message);
        inputs.password.select();
        inputs.password.focus();
      },
    );
  };
  form.addEventListener('submit', onSubmit);
  inputs.username.focus();

  return {
    destroy: () => {
      form.removeEventListener('submit', onSubmit);
      container.replaceChildren();
    },
  };
}
