package jp.machi.planning.divisionplan.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.planning.divisionplan.application.DivisionPlanService;
import jp.machi.planning.divisionplan.domain.DivisionPlan;
import jp.machi.planning.document.DocumentParams;
import jp.machi.planning.document.References;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/planning/division-plans}: 課の業務計画 (seed 003). Each
 * project's schedule comes with its twelve months in fiscal order (4 … 3), each saying whether it
 * has activity and which bar starts there, so that a chart needs no date arithmetic.
 */
@Path("municipalities/{lgCode}/planning/division-plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class DivisionPlanResource {

    @Inject
    DivisionPlanService plans;

    @Inject
    Exports exports;

    @Inject
    References references;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "nameJa"})
    public record UnitRef(UUID id, String nameJa) {
    }

    @JsonbPropertyOrder({"number", "text", "unitName", "planNodeId", "planNodeTitle"})
    public record GoalView(String number, String text, String unitName, UUID planNodeId, String planNodeTitle) {
    }

    @JsonbPropertyOrder({"number", "text"})
    public record AimView(int number, String text) {
    }

    @JsonbPropertyOrder({"label", "startMonth", "endMonth"})
    public record SegmentView(String label, int startMonth, int endMonth) {
    }

    /** One month of a schedule line: active when a bar covers it; {@code label} set where a bar starts. */
    @JsonbPropertyOrder({"month", "active", "label"})
    public record MonthView(int month, boolean active, String label) {
    }

    @JsonbPropertyOrder({"segments", "months"})
    public record ScheduleRowView(List<SegmentView> segments, List<MonthView> months) {
    }

    @JsonbPropertyOrder({"priority", "name", "aimNumbers", "direction", "actor", "budget", "nature", "work", "issues",
        "schedule"})
    public record ProjectView(int priority, String name, List<Integer> aimNumbers, String direction, String actor,
            Long budget, String nature, String work, List<String> issues, List<ScheduleRowView> schedule) {
    }

    @JsonbPropertyOrder({"id", "fiscalYear", "division", "title", "policyGoal", "measureGoal", "approach", "aims",
        "months", "projects", "totalBudget"})
    public record PlanView(UUID id, FiscalYear fiscalYear, UnitRef division, String title, GoalView policyGoal,
            GoalView measureGoal, List<String> approach, List<AimView> aims, List<Integer> months,
            List<ProjectView> projects, Long totalBudget) {
    }

    private GoalView goal(DivisionPlan.Goal g) {
        return g == null ? null : new GoalView(g.number(), g.text(), g.unitName(), g.planNodeId(),
                references.node(g.planNodeId()).map(n -> n.getTitle()).orElse(null));
    }

    static ScheduleRowView row(DivisionPlan.ScheduleRow r) {
        List<MonthView> months = new ArrayList<>();
        for (int month : DivisionPlan.FISCAL_MONTHS) {
            int at = DivisionPlan.fiscalIndex(month);
            String label = null;
            boolean active = false;
            for (DivisionPlan.Segment s : r.segments()) {
                if (at >= DivisionPlan.fiscalIndex(s.startMonth()) && at <= DivisionPlan.fiscalIndex(s.endMonth())) {
                    active = true;
                }
                if (s.startMonth() == month) {
                    label = s.label();
                }
            }
            months.add(new MonthView(month, active, label));
        }
        return new ScheduleRowView(r.segments().stream().map(s -> new SegmentView(s.label(), s.startMonth(), s.endMonth()))
                .toList(), months);
    }

    PlanView view(DivisionPlan p) {
        DivisionPlan.Content c = p.content();
        List<ProjectView> projects = new ArrayList<>();
        long total = 0;
        boolean anyBudget = false;
        for (int i = 0; i < c.projects().size(); i++) {
            DivisionPlan.Project x = c.projects().get(i);
            if (x.budget() != null) {
                total += x.budget();
                anyBudget = true;
            }
            projects.add(new ProjectView(i + 1, x.name(), x.aimNumbers(), x.direction(), x.actor(), x.budget(), x.nature(),
                    x.work(), x.issues(), x.schedule().stream().map(DivisionPlanResource::row).toList()));
        }
        return new PlanView(p.getId(), p.getFiscalYear(),
                new UnitRef(p.getDivisionId(), references.unitName(p.getDivisionId())), c.title(), goal(c.policyGoal()),
                goal(c.measureGoal()), c.approach(), c.aims().stream().map(a -> new AimView(a.number(), a.text())).toList(),
                DivisionPlan.FISCAL_MONTHS, projects, anyBudget ? total : null);
    }

    /** 政策目標 / 施策目標 as sent. */
    public static class GoalInput {
        @Size(max = 20)
        public String number;

        @Size(max = 1000)
        public String text;

        @Size(max = 200)
        public String unitName;

        public UUID planNodeId;

        DivisionPlan.Goal goal() {
            return new DivisionPlan.Goal(number, text, unitName, planNodeId);
        }
    }

    /** 施策のねらい as sent. */
    public static class AimInput {
        @NotNull
        @Min(1)
        @Max(99)
        public Integer number;

        @NotBlank
        @Size(max = 1000)
        public String text;
    }

    /** A bar of a schedule line: calendar months 1–12, start not after end in fiscal order (April first). */
    public static class SegmentInput {
        @Size(max = 300)
        public String label;

        @NotNull
        @Min(1)
        @Max(12)
        public Integer startMonth;

        @NotNull
        @Min(1)
        @Max(12)
        public Integer endMonth;
    }

    /** A schedule line as sent. */
    public static class ScheduleRowInput {
        @Valid
        @NotNull
        @Size(min = 1, max = 12)
        public List<@NotNull SegmentInput> segments;
    }

    /** A project as sent; the list's order is the priority. */
    public static class ProjectInput {
        @NotBlank
        @Size(max = 300)
        public String name;

        @Size(max = 20)
        public List<@NotNull @Min(1) Integer> aimNumbers;

        @Size(max = 20)
        public String direction;

        @Size(max = 20)
        public String actor;

        @Min(0)
        public Long budget;

        @Size(max = 100)
        public String nature;

        @Size(max = 8000)
        public String work;

        @Size(max = 50)
        public List<@NotBlank @Size(max = 1000) String> issues;

        @Valid
        @Size(max = 100)
        public List<@NotNull ScheduleRowInput> schedule;

        DivisionPlan.Project project() {
            return new DivisionPlan.Project(name.strip(), list(aimNumbers), blankToNull(direction), blankToNull(actor),
                    budget, nature, work, list(issues),
                    list(schedule).stream().map(r -> new DivisionPlan.ScheduleRow(r.segments.stream()
                            .map(s -> new DivisionPlan.Segment(s.label, s.startMonth, s.endMonth)).toList())).toList());
        }
    }

    /** A division business plan as sent on create and update. */
    public static class PlanInput {
        @NotNull
        public UUID divisionId;

        @NotNull
        public FiscalYear fiscalYear;

        @Size(max = 300)
        public String title;

        @Valid
        public GoalInput policyGoal;

        @Valid
        public GoalInput measureGoal;

        @Size(max = 50)
        public List<@NotBlank @Size(max = 4000) String> approach;

        @Valid
        @Size(max = 20)
        public List<@NotNull AimInput> aims;

        @Valid
        @Size(max = 100)
        public List<@NotNull ProjectInput> projects;

        DivisionPlan.Content content() {
            return new DivisionPlan.Content(divisionId, fiscalYear, title, policyGoal == null ? null : policyGoal.goal(),
                    measureGoal == null ? null : measureGoal.goal(), list(approach),
                    list(aims).stream().map(a -> new DivisionPlan.Aim(a.number, a.text.strip())).toList(),
                    list(projects).stream().map(ProjectInput::project).toList());
        }
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List division business plans (?fiscalYear=, ?divisionId=; ?sort= fiscalYear, divisionId;"
            + " paged in the database; CSV with ?format=csv, streamed: one row per project)")
    @Answers(value = PlanView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("divisionId") String divisionId,
            @QueryParam("sort") String sort) {
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<DivisionPlan> found = plans.list(DocumentParams.fiscalYear(fiscalYear),
                DocumentParams.uuid("divisionId", divisionId), DivisionPlanService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            Iterable<Object[]> rows = exports.ofEach(found, p -> {
                PlanView v = view(p);
                List<Object[]> out = new ArrayList<>();
                for (ProjectView x : v.projects()) {
                    out.add(new Object[] {v.fiscalYear().label(l), v.division().nameJa(),
                        v.measureGoal() == null ? null : v.measureGoal().text(), x.priority(), x.name(),
                        String.join(",", x.aimNumbers().stream().map(String::valueOf).toList()), x.direction(), x.actor(),
                        x.budget(), x.nature(), x.work(), String.join("\n", x.issues()),
                        String.join("\n", x.schedule().stream().map(DivisionPlanResource::scheduleText).toList())});
                }
                return out;
            });
            return Csv.stream("division-plans.csv",
                    List.of("fiscalYear", "division", "measureGoal", "priority", "project", "aims", "direction", "actor",
                            "budget", "nature", "work", "issues", "schedule")
                            .stream().map(k -> Messages.get(l, "planning.csv.divisionPlan." + k)).toList(),
                    rows, r -> Arrays.asList(r));
        }
        return Response.ok(found.page(paging).map(this::view)).build();
    }

    private static String scheduleText(ScheduleRowView r) {
        return String.join(" / ", r.segments().stream().map(s -> s.startMonth() + "-" + s.endMonth() + "月"
                + (s.label() == null ? "" : " " + s.label())).toList());
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a division business plan (one per division and fiscal year)")
    @Answers(value = PlanView.class, status = 201)
    public Response create(@Valid PlanInput body) {
        Bodies.require(body);
        DivisionPlan p = plans.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(p.getId().toString()).build())
                .tag(Versions.tag(p.getVersion())).entity(view(p)).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Path("copy")
    @Transactional
    @Operation(summary = "Copy every plan of fiscal year ?from= into ?to= (the old year stays as it is)")
    @Answers(value = PlanView.class, list = true)
    public Response copy(@QueryParam("from") String from, @QueryParam("to") String to) {
        FiscalYear[] years = DocumentParams.copyYears(from, to);
        return Response.ok(plans.copy(years[0], years[1]).stream().map(this::view).toList()).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One division business plan")
    @Answers(PlanView.class)
    public Response get(@PathParam("id") UUID id) {
        DivisionPlan p = plans.require(id);
        return Response.ok(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a division business plan (If-Match required)")
    @Answers(PlanView.class)
    public Response update(@PathParam("id") UUID id, @Valid PlanInput body) {
        Bodies.require(body);
        DivisionPlan p = plans.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        plans.revise(p, body.content());
        return Response.ok(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a division business plan (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        DivisionPlan p = plans.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        plans.delete(p);
        return Response.noContent().build();
    }
}
