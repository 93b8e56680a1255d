import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../session/session';

// When a session ends while a form holds unsaved input, that input is put aside in this tab's
// sessionStorage and offered back when the same person returns to the same form after logging in again.
// Passwords are never put aside.

const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword', 'confirmPassword'];
const savers = new Set<() => void>();

/** Called by the session just before it ends: every mounted form with unsaved input puts it aside. */
export function putAsideDrafts(): void {
  savers.forEach((save) => save());
}

/** Forgets every draft (explicit logout: the person chose to leave). */
export function clearDrafts(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith('draft:')) {
      sessionStorage.removeItem(key);
    }
  }
}

function readDraft(key: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export interface FormDraft<T> {
  /** The values to show: `initial`, overridden by what was put aside (if anything). */
  merge: (initial: T) => T;
  /** True when the form shows input that was put aside. */
  restored: boolean;
  /** Back to the initial values; the put-aside input is dropped. */
  discard: () => void;
}

export function useFormDraft<T extends object>(form: FormInstance<T>, key: string): FormDraft<T> {
  // Keyed by person: someone else logging in on this tab never sees another's input.
  const storageKey = `draft:${useSession().user.id}:${key}`;
  const [draft] = useState(() => readDraft(storageKey));
  const [discarded, setDiscarded] = useState(false);
  const initialRef = useRef<T | null>(null);
  const restored = !discarded && Object.keys(draft).length > 0;

  useEffect(() => {
    // Offered once: read above, forgotten here.
    sessionStorage.removeItem(storageKey);
    const save = (): void => {
      if (!form.isFieldsTouched()) {
        return;
      }
      const values = { ...(form.getFieldsValue(true) as Record<string, unknown>) };
      SECRET_FIELDS.forEach((name) => delete values[name]);
      sessionStorage.setItem(storageKey, JSON.stringify(values));
    };
    savers.add(save);
    return () => {
      savers.delete(save);
    };
  }, [form, storageKey]);

  const merge = useCallback(
    (initial: T): T => {
      initialRef.current = initial;
      return restored ? { ...initial, ...draft } : initial;
    },
    [draft, restored],
  );

  const discard = useCallback(() => {
    setDiscarded(true);
    form.resetFields();
    if (initialRef.current) {
      form.setFieldsValue(initialRef.current);
    }
  }, [form]);

  return { merge, restored, discard };
}
