// Keep test output readable; a test that wants logs passes its own logger.
process.env.LOG_LEVEL ??= 'silent';
