export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabase } = await import('./db/bootstrap');
  // Under several server processes (scripts/serve.mjs) only the first prints the demo logins.
  await prepareDatabase(process.env.JKP_QUIET_START === '1' ? () => {} : undefined);
  // The cluster's primary starts the other processes once the first has migrated and seeded.
  process.send?.({ jkp: 'database-ready' });
  // The alert index is built here and after each midnight, never on a user's request.
  const { scheduleAlertIndex } = await import('./domain/alert-warmup');
  scheduleAlertIndex();
}
