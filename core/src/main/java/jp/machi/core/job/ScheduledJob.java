package jp.machi.core.job;

import jp.machi.core.i18n.LocalizedText;

/**
 * A job that runs on a schedule once per deployment (not once per node): declare it as a CDI bean
 * ({@code @ApplicationScoped}) in core or a module. Core's one timer per node ticks every minute;
 * for each job due in that minute, the node whose claim of the (job, slot) row in the database
 * succeeds runs it, as the system, outside any transaction (the job opens its own, one per
 * municipality is the rule). What {@link #run()} returns is recorded as the run's summary.
 */
public interface ScheduledJob {

    /** Stable id, e.g. {@code core.personal-data-anonymisation} or {@code engagement.overdue-reminders}. */
    String id();

    /** What it does, for administrators: 個人情報の匿名化 / Anonymisation of personal data. */
    LocalizedText name();

    /** When it is due. */
    JobSchedule schedule();

    /**
     * Does the work; returns a short summary of what was done (e.g. "3 records anonymised"),
     * without personal data. An exception marks the run FAILED with its type and message, which
     * must not carry personal data either.
     */
    String run();
}
