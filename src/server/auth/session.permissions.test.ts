/**
 * The public routes against every role and anonymous, on both databases: health, log-in and log-out answer
 * the same whoever asks. Log-out ends the caller's own session, so it is the last row.
 */
import { describeEachDb } from '../testing/harness.ts';
import { FIXTURE_PASSWORD } from '../testing/fixture.ts';
import { permissionMatrix } from '../testing/permission-matrix.ts';

describeEachDb('permission matrix: public routes', (h) => {
  const everyone = (status: number) => ({ anonymous: status });
  permissionMatrix(h, [
    { label: 'health check', method: 'GET', url: () => '/api/v1/health', expect: everyone(200), otherwise: 200 },
    {
      label: 'log in as member',
      method: 'POST',
      url: () => '/api/v1/session',
      body: () => ({ username: 'member', password: FIXTURE_PASSWORD }),
      expect: everyone(200),
      otherwise: 200,
    },
    {
      label: 'log out (ends the caller’s session)',
      method: 'DELETE',
      url: () => '/api/v1/session',
      expect: everyone(204),
      otherwise: 204,
    },
  ]);
});
