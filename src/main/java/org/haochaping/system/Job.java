package org.haochaping.system;

import java.time.Duration;

/**
 * A piece of scheduled work. Each job runs on one instance at a time (db-scheduler), may be re-run after a crash
 * and so must be idempotent, and can be started by an administrator at once.
 */
public interface Job {

    /** The job's name, as used by {@code POST /api/v1/admin/jobs/{jobName}/run}. */
    String name();

    Duration interval();

    /** Does the work; answers a short human-readable summary. */
    String run();
}
