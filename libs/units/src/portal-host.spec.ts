import { portalHostProblem } from './portal-host';

describe('portalHostProblem', () => {
  it.each([
    '127.0.0.1',
    '0.0.0.0',
    '10.0.0.5',
    '192.168.1.10',
    '172.16.0.1',
    '127.1',
    '0x7f.0.0.1',
    '0177.0.0.1',
    '2130706433',
    'xa.123',
    '::1',
    '[::1]',
    '[::ffff:127.0.0.1]',
    'fe80::1',
    'localhost',
    'a.localhost',
    'cong.tinh.gov.vn',
  ])('refuses %s', (host) => {
    expect(portalHostProblem(host, 'https://cong.tinh.gov.vn')).not.toBeNull();
  });

  it.each(['xa-ha-ky.gov.vn', 'hakyxa.vn', 'xn--h-ky-8qa.vn', 'portal.cong.tinh.gov.vn'])(
    'accepts %s',
    (host) => {
      expect(portalHostProblem(host, 'https://cong.tinh.gov.vn')).toBeNull();
    },
  );
});
