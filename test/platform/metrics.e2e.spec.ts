import request from 'supertest';
import { apiAs } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/** /metrics from prom-client, with what an operator alerts on. */
describe('/metrics', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await startPlatform('platform_metrics');
  });
  afterAll(async () => {
    await platform.close();
  });

  it('reports process metrics, requests by route pattern and status, projection lag, outbox depth, relay lag and failed logins', async () => {
    const senco = await apiAs(platform, 'senco.oakfield');
    const created = await senco
      .post('/children')
      .send({
        givenName: 'Maya',
        familyName: 'Cole',
        dateOfBirth: '2015-01-20',
        schoolId: 'school-oakfield',
        yearGroup: 5,
        flags: [],
      })
      .expect(201);
    await senco.get(`/children/${created.body.childId}`).expect(200);
    await request(platform.http).get(`/children/${created.body.childId}`).expect(401);
    await request(platform.http).get('/no/such/path/4f1c').expect(404);

    const metrics = await request(platform.http).get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = metrics.text;
    for (const processMetric of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${processMetric} `);
    }
    expect(text).toContain('# TYPE mast_http_request_duration_seconds histogram');
    expect(text).toMatch(
      /\nmast_http_request_duration_seconds_count\{method="GET",route="\/children\/:childId",status="200"\} 1\n/,
    );
    expect(text).toMatch(
      /\nmast_http_request_duration_seconds_count\{method="GET",route="\/children\/:childId",status="401"\} 1\n/,
    );
    expect(text).toMatch(
      /\nmast_http_request_duration_seconds_count\{method="POST",route="\/children",status="201"\} 1\n/,
    );
    expect(text).toMatch(
      /\nmast_http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} 1\n/,
    );
    expect(text).not.toContain(created.body.childId);
    expect(text).not.toContain('4f1c');

    for (const projection of platform.runtime.projections.projections) {
      expect(text).toMatch(new RegExp(`\\nmast_projection_lag_events\\{projection="${projection.name}"\\} \\d+\\n`));
    }
    expect(text).toContain('# TYPE mast_outbox_depth gauge\nmast_outbox_depth 0\n');
    expect(text).toMatch(/\nmast_outbox_oldest_unpublished_age_seconds 0\n/);
    expect(text).toMatch(/\nmast_relay_running 0\n/);
    expect(text).toContain('# TYPE mast_relay_published_total counter\nmast_relay_published_total 0\n');
    expect(text).toMatch(/\nmast_failed_authentications_total\{reason="missing-token"\} 1\n/);
  });
});
