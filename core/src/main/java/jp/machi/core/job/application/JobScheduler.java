package jp.machi.core.job.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.job.JobSchedule;
import jp.machi.core.job.ScheduledJob;
import jp.machi.core.job.domain.ScheduledJobRun;

/**
 * One non-persistent timer per node, ticking at second 0 of every minute. Each tick, for every
 * {@link ScheduledJob} due in that minute, claims the (job, slot) run in the database and runs
 * the job only when the claim succeeded, so that a slot runs once however many nodes share the
 * database. A slot missed while every node was down is not made up: the next one comes.
 */
@Singleton
@Startup
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    /** This node, as named in the runs: {@code pid@host}. */
    public static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    @Inject
    @Any
    Instance<ScheduledJob> declared;

    @Inject
    JobRuns runs;

    @Resource
    TimerService timers;

    @Inject
    jp.machi.core.observe.Observations observations;

    private final AtomicBoolean ticking = new AtomicBoolean();

    @PostConstruct
    void start() {
        timers.createCalendarTimer(new ScheduleExpression().hour("*").minute("*").second("0"),
                new TimerConfig("machi-scheduled-jobs", false));
        for (ScheduledJob job : jobs()) {
            LOG.info(() -> "Scheduled job " + job.id() + " (" + job.name().en() + "): "
                    + job.schedule().describe(Locale.ENGLISH));
        }
    }

    /** Every declared job, by id. */
    public List<ScheduledJob> jobs() {
        List<ScheduledJob> all = new ArrayList<>();
        declared.forEach(all::add);
        all.sort(Comparator.comparing(ScheduledJob::id));
        return all;
    }

    public Optional<ScheduledJob> job(String id) {
        return jobs().stream().filter(j -> j.id().equals(id)).findFirst();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        // A tick a little early still belongs to the minute it was meant for.
        ZonedDateTime slot = ZonedDateTime.now(JobSchedule.JAPAN).plusSeconds(5).truncatedTo(ChronoUnit.MINUTES);
        if (!ticking.compareAndSet(false, true)) {
            LOG.info(() -> "Scheduled jobs of " + slot + " skipped on this node: the previous tick still runs");
            return;
        }
        try {
            for (ScheduledJob job : jobs()) {
                if (job.schedule().isDue(slot)) {
                    runIfClaimed(job, slot.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
                }
            }
        } finally {
            ticking.set(false);
        }
    }

    void runIfClaimed(ScheduledJob job, OffsetDateTime slot) {
        Optional<UUID> claimed;
        try {
            claimed = runs.claim(job.id(), slot, NODE);
        } catch (RuntimeException e) {
            // The database could not be reached or refused the insert for another reason than a lost race
            // (which claim answers empty): the slot is skipped here, and the job's next slot is claimed again.
            LOG.warning(() -> "Scheduled job " + job.id() + " slot " + slot + " not claimed: " + e.getMessage());
            return;
        }
        if (claimed.isEmpty()) {
            LOG.fine(() -> "Scheduled job " + job.id() + " slot " + slot + " is another node's");
            return;
        }
        UUID run = claimed.get();
        LOG.info(() -> "Scheduled job " + job.id() + " slot " + slot + " runs on this node (" + NODE + ")");
        ScheduledJobRun.Outcome outcome;
        String summary;
        try {
            summary = CallerContext.runAs(Caller.SYSTEM, job::run);
            outcome = ScheduledJobRun.Outcome.OK;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled job " + job.id() + " slot " + slot + " failed", e);
            outcome = ScheduledJobRun.Outcome.FAILED;
            summary = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        observations.count("machi_job_runs", "Scheduled job runs on this node, by job and outcome", "job", job.id(),
                "outcome", outcome.name());
        try {
            runs.finish(run, outcome, summary);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recording the end of scheduled job " + job.id() + " failed", e);
        }
    }
}
