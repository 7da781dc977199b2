package jp.machi.core.job.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.audit.NotAudited;

/**
 * One run of a scheduled job in one slot (the minute it was due). The unique (job, slot) is the
 * claim: only the node whose insert succeeds runs the job, so a slot runs once per deployment.
 * The row is inserted by {@code JobRuns.claim} (one JDBC statement, outcome RUNNING) and read and
 * finished here. Platform-wide (not a municipality's row); holds no personal data.
 */
@Entity
@NotAudited
@Table(name = "scheduled_job_run")
@NamedQuery(name = "ScheduledJobRun.ofJob",
        query = "SELECT r FROM ScheduledJobRun r WHERE r.jobId = :job ORDER BY r.slotAt DESC")
@NamedQuery(name = "ScheduledJobRun.countOfJob", query = "SELECT COUNT(r) FROM ScheduledJobRun r WHERE r.jobId = :job")
public class ScheduledJobRun {

    /** How a run ended; RUNNING while it runs (or when its node died during it). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "JobRunOutcome") // a name of its own in /openapi: other classes are called Outcome too
    public enum Outcome {
        RUNNING, OK, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "job_id", nullable = false, updatable = false, length = 100)
    private String jobId;

    @Column(name = "slot_at", nullable = false, updatable = false)
    private OffsetDateTime slotAt;

    @Column(name = "node", nullable = false, updatable = false, length = 200)
    private String node;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 10)
    private Outcome outcome;

    @Column(name = "summary", length = 500)
    private String summary;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ScheduledJobRun() {
    }

    public void finish(Outcome outcome, String summary, OffsetDateTime at) {
        this.outcome = outcome;
        this.summary = summary == null ? null : summary.length() > 500 ? summary.substring(0, 499) + "…" : summary;
        this.finishedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public String getJobId() {
        return jobId;
    }

    public OffsetDateTime getSlotAt() {
        return slotAt;
    }

    public String getNode() {
        return node;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getSummary() {
        return summary;
    }

    public long getVersion() {
        return version;
    }
}
