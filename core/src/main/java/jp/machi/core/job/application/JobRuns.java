package jp.machi.core.job.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.job.domain.ScheduledJobRun;
import jp.machi.core.persistence.Tenancy;

/** The runs of scheduled jobs: claimed, finished and listed, each in a transaction of its own. */
@ApplicationScoped
public class JobRuns {

    @Inject
    Tenancy tenancy;

    /**
     * Claims {@code slot} of {@code jobId} for this node: inserts the run, committed at once.
     * Empty when the slot is already taken (by this or another node); the unique (job, slot)
     * decides a race, which then surfaces as an exception of the insert, also answered empty by
     * {@link JobScheduler}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> claim(String jobId, OffsetDateTime slot, String node) {
        var em = tenancy.platform();
        long taken = em.createNamedQuery("ScheduledJobRun.slot", Long.class).setParameter("job", jobId)
                .setParameter("slot", slot).getSingleResult();
        if (taken > 0) {
            return Optional.empty();
        }
        ScheduledJobRun run = new ScheduledJobRun(jobId, slot, node, OffsetDateTime.now(ZoneOffset.UTC));
        em.persist(run);
        em.flush();
        return Optional.of(run.getId());
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
