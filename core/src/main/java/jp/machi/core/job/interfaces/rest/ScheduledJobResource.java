package jp.machi.core.job.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.job.JobSchedule;
import jp.machi.core.job.ScheduledJob;
import jp.machi.core.job.application.JobRuns;
import jp.machi.core.job.application.JobScheduler;
import jp.machi.core.job.domain.ScheduledJobRun;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/scheduled-jobs}: the jobs this deployment runs on a schedule, when each last ran
 * and what it did, and when it runs next; for platform administrators (the jobs serve every
 * municipality at once).
 */
@Path("scheduled-jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scheduled-jobs", description = "定期ジョブ / scheduled jobs")
public class ScheduledJobResource {

    @Inject
    JobScheduler scheduler;

    @Inject
    JobRuns runs;

    @Context
    HttpHeaders headers;

    /** One run: its slot (the minute it was due, Japan time), node, times, outcome and summary. */
    @JsonbPropertyOrder({"id", "jobId", "slot", "node", "startedAt", "finishedAt", "outcome", "summary"})
    public record RunView(UUID id, String jobId, OffsetDateTime slot, String node, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, ScheduledJobRun.Outcome outcome, String summary) {

        static RunView of(ScheduledJobRun r) {
            return new RunView(r.getId(), r.getJobId(), japan(r.getSlotAt()), r.getNode(), japan(r.getStartedAt()),
                    japan(r.getFinishedAt()), r.getOutcome(), r.getSummary());
        }
    }

    /** A job with its schedule in words, its last run and its next slot. */
    @JsonbPropertyOrder({"id", "name", "schedule", "lastRun", "nextRun"})
    public record JobView(String id, String name, String schedule, RunView lastRun, OffsetDateTime nextRun) {
    }

    @GET
    @Access(minimum = Role.PLATFORM_ADMIN)
    @Operation(summary = "The scheduled jobs: schedule in words, last run (outcome, summary), next run")
    @Answers(value = JobView.class, list = true)
    public List<JobView> list() {
        Locale l = Problems.locale(headers);
        ZonedDateTime now = ZonedDateTime.now(JobSchedule.JAPAN);
        return scheduler.jobs().stream().map(j -> new JobView(j.id(), j.name().in(l), j.schedule().describe(l),
                runs.last(j.id()).map(RunView::of).orElse(null), j.schedule().next(now).toOffsetDateTime())).toList();
    }

    @GET
    @Path("{jobId}/runs")
    @Access(minimum = Role.PLATFORM_ADMIN)
    @Operation(summary = "The runs of one scheduled job, newest first (paged)")
    @Answers(value = RunView.class, page = true)
    public Page<RunView> runs(@PathParam("jobId") String jobId, @BeanParam PageRequest paging) {
        ScheduledJob job = scheduler.job(jobId).orElseThrow(() -> ApiException.notFound("job.notFound", jobId));
        paging.offset();
        return runs.list(job.id(), paging).map(RunView::of);
    }

    private static OffsetDateTime japan(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(JobSchedule.JAPAN).toOffsetDateTime();
    }
}
