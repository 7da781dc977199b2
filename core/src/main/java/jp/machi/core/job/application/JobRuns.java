package jp.machi.core.job.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.job.domain.ScheduledJobRun;
import jp.machi.core.persistence.PlainConnections;
import jp.machi.core.persistence.Tenancy;

/** The runs of scheduled jobs: claimed, finished and listed, each in a transaction of its own. */
@ApplicationScoped
public class JobRuns {

    @Inject
    Tenancy tenancy;

    @Inject
    PlainConnections connections;

    /**
     * Claims {@code slot} of {@code jobId} for this node: inserts the run, committed at once. Empty when the slot
     * is already taken (by this or another node). Plain JDBC, one statement: on PostgreSQL a node that loses the
     * race inserts nothing ({@code ON CONFLICT DO NOTHING}), so that neither Machi's log nor the database's holds
     * an error for an ordinary lost race; elsewhere the unique (job, slot) refuses the second insert, which is
     * answered empty too.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<UUID> claim(String jobId, OffsetDateTime slot, String node) {
        UUID id = UUID.randomUUID();
        try (Connection c = connections.open()) {
            String sql = "INSERT INTO scheduled_job_run (id, job_id, slot_at, node, started_at, outcome, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 0)"
                    + (PlainConnections.isPostgres(c) ? " ON CONFLICT (job_id, slot_at) DO NOTHING" : "");
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setObject(1, id);
                p.setString(2, jobId);
                p.setObject(3, slot);
                p.setString(4, node);
                p.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                p.setString(6, ScheduledJobRun.Outcome.RUNNING.name());
                return p.executeUpdate() == 1 ? Optional.of(id) : Optional.empty();
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return Optional.empty(); // integrity constraint violation: another node's insert came first
            }
            throw new IllegalStateException("Could not claim " + jobId + " " + slot + ": " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(UUID runId, ScheduledJobRun.Outcome outcome, String summary) {
        ScheduledJobRun run = tenancy.platform().find(ScheduledJobRun.class, runId);
        if (run != null) {
            run.finish(outcome, summary, OffsetDateTime.now(ZoneOffset.UTC));
        }
    }

    /** The runs of one job, newest slot first, paged in the database. */
    @Transactional
    public Page<ScheduledJobRun> list(String jobId, PageRequest paging) {
        var em = tenancy.platform();
        long total = em.createNamedQuery("ScheduledJobRun.countOfJob", Long.class).setParameter("job", jobId)
                .getSingleResult();
        List<ScheduledJobRun> items = em.createNamedQuery("ScheduledJobRun.ofJob", ScheduledJobRun.class)
                .setParameter("job", jobId).setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    @Transactional
    public Optional<ScheduledJobRun> last(String jobId) {
        return tenancy.platform().createNamedQuery("ScheduledJobRun.ofJob", ScheduledJobRun.class)
                .setParameter("job", jobId).setMaxResults(1).getResultList().stream().findFirst();
    }
}
