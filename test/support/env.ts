// Quiet, deterministic configuration for every integration and e2e test file.
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.BOOTSTRAP_ADMIN_PASSWORD = 'mat-khau-quan-tri';
process.env.JWT_SECRET = 'test-jwt-secret-not-for-production';
process.env.LOGIN_RATE_LIMIT = '1000';
process.env.TZ = 'UTC';
