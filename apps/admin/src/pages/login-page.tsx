import { useEffect, useRef } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { mountLogin } from '../login/login-form';
import { useSessionContext } from '../session/session';

/** Only a path inside the app: never send someone elsewhere after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * The login inside the loaded app (a session ended, or the person logged out): the same plain form the
 * first screen shows before the app loads (login/login-form.ts), signing in through the session.
 */
export default function LoginPage() {
  const { session, notice, login } = useSessionContext();
  const [params] = useSearchParams();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) {
      return;
    }
    const form = mountLogin(container.current, { notice, submit: login });
    return () => form.destroy();
  }, [notice, login, session]);

  if (session) {
    return <Navigate to={safeNext(params.get('next'))} replace />;
  }
  return <div ref={container} />;
}
