import { defineMigration } from '#platform';

export const RematchJobsAndDecisions1764100000000 = defineMigration('RematchJobsAndDecisions1764100000000', {
  async up(queryRunner) {
    // A job is claimed with a lease; a crashed runner's lease runs out and another run (or the restarted service)
    // picks the job up again. Progress counts needs, so a job can later be split into need ranges per instance.
    await queryRunner.query(`
      CREATE TABLE matching.rematch_job (
        id uuid PRIMARY KEY,
        scope text NOT NULL CHECK (scope IN ('all', 'need', 'company')),
        target_id uuid,
        reason text,
        requested_by text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
        cancel_requested boolean NOT NULL DEFAULT false,
        progress_done int NOT NULL DEFAULT 0,
        progress_total int NOT NULL DEFAULT 0,
        shortlists_changed int NOT NULL DEFAULT 0,
        rows_written int NOT NULL DEFAULT 0,
        events_published int NOT NULL DEFAULT 0,
        attempts int NOT NULL DEFAULT 0,
        algorithm_version text NOT NULL,
        timings jsonb NOT NULL DEFAULT '{}',
        error text,
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX rematch_job_active_idx ON matching.rematch_job (created_at) WHERE status IN ('queued', 'running')`,
    );
    await queryRunner.query('CREATE INDEX rematch_job_created_idx ON matching.rematch_job (created_at DESC)');
    await queryRunner.query(`
      CREATE TABLE matching.decision (
        need_id uuid NOT NULL,
        company_id uuid NOT NULL,
        decision text NOT NULL CHECK (decision IN ('shortlisted', 'accepted', 'declined')),
        reason text,
        note text,
        company_version int NOT NULL,
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (need_id, company_id)
      )`);
  },

  async down(queryRunner) {
    await queryRunner.query('DROP TABLE matching.decision');
    await queryRunner.query('DROP TABLE matching.rematch_job');
  },
});
