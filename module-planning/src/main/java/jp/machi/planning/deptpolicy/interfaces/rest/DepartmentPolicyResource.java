package jp.machi.planning.deptpolicy.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import java.math.BigDecimal;
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
import jp.machi.planning.deptpolicy.application.DepartmentPolicyService;
import jp.machi.planning.deptpolicy.domain.DepartmentPolicy;
import jp.machi.planning.document.DocumentParams;
import jp.machi.planning.document.References;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/municipalities/{lgCode}/planning/department-policies}: 部の運営方針 (seed 001). */
@Path("municipalities/{lgCode}/planning/department-policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class DepartmentPolicyResource {

    @Inject
    DepartmentPolicyService policies;

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

    @JsonbPropertyOrder({"title", "description"})
    public record GoalView(String title, String description) {
    }

    @JsonbPropertyOrder({"totalStaff", "regularStaff", "partTimeStaff", "personnelCostRegular", "personnelCostPartTime",
        "personnelCostTotal", "revenueBudget", "expenditureBudget", "budgetProgramCount", "divisionCount", "notes"})
    public record ResourcesView(BigDecimal totalStaff, BigDecimal regularStaff, BigDecimal partTimeStaff,
            Long personnelCostRegular, Long personnelCostPartTime, Long personnelCostTotal, Long revenueBudget,
            Long expenditureBudget, Integer budgetProgramCount, Integer divisionCount, String notes) {
    }

    @JsonbPropertyOrder({"priority", "measure", "planNodeId", "planNodeTitle", "divisionId", "divisionName", "outcome"})
    public record MidTermGoalView(int priority, String measure, UUID planNodeId, String planNodeTitle, UUID divisionId,
            String divisionName, String outcome) {
    }

    @JsonbPropertyOrder({"id", "fiscalYear", "department", "title", "mission", "goals", "reformCommitments", "resources",
        "midTermGoalsBasis", "midTermGoals"})
    public record PolicyView(UUID id, FiscalYear fiscalYear, UnitRef department, String title, List<String> mission,
            List<GoalView> goals, List<String> reformCommitments, ResourcesView resources, String midTermGoalsBasis,
            List<MidTermGoalView> midTermGoals) {
    }

    PolicyView view(DepartmentPolicy p) {
        DepartmentPolicy.Content c = p.content();
        DepartmentPolicy.Resources r = c.resources();
        List<MidTermGoalView> goals = new ArrayList<>();
        for (int i = 0; i < c.midTermGoals().size(); i++) {
            DepartmentPolicy.MidTermGoal g = c.midTermGoals().get(i);
            goals.add(new MidTermGoalView(i + 1, g.measure(), g.planNodeId(),
                    references.node(g.planNodeId()).map(n -> n.getTitle()).orElse(null), g.divisionId(),
                    g.divisionId() == null ? g.divisionName() : references.unit(g.divisionId())
                            .map(u -> u.getNameJa()).orElse(g.divisionName()), g.outcome()));
        }
        return new PolicyView(p.getId(), p.getFiscalYear(),
                new UnitRef(p.getDepartmentId(), references.unitName(p.getDepartmentId())), c.title(), c.mission(),
                c.goals().stream().map(g -> new GoalView(g.title(), g.description())).toList(), c.reformCommitments(),
                new ResourcesView(r.totalStaff(), r.regularStaff(), r.partTimeStaff(), r.personnelCostRegular(),
                        r.personnelCostPartTime(), r.totalPersonnelCost(), r.revenueBudget(), r.expenditureBudget(),
                        r.budgetProgramCount(), r.divisionCount(), r.notes()),
                c.midTermGoalsBasis(), goals);
    }

    /** 部の目標 as sent. */
    public static class GoalInput {
        @NotBlank
        @Size(max = 300)
        public String title;

        @Size(max = 8000)
        public String description;
    }

    /** 部の経営資源 as sent: FTE, ¥1,000, counts. */
    public static class ResourcesInput {
        /** DECIMAL(9,2) in the database. */
        @DecimalMin("0")
        @Digits(integer = 7, fraction = 2)
        public BigDecimal regularStaff;

        @DecimalMin("0")
        @Digits(integer = 7, fraction = 2)
        public BigDecimal partTimeStaff;

        @Min(0)
        public Long personnelCostRegular;

        @Min(0)
        public Long personnelCostPartTime;

        @Min(0)
        public Long revenueBudget;

        @Min(0)
        public Long expenditureBudget;

        @Min(0)
        public Integer budgetProgramCount;

        @Min(0)
        public Integer divisionCount;

        @Size(max = 2000)
        public String notes;
    }

    /** A mid-term goal as sent; the list's order is the priority. */
    public static class MidTermGoalInput {
        @Size(max = 1000)
        public String measure;

        public UUID planNodeId;

        public UUID divisionId;

        @Size(max = 200)
        public String divisionName;

        @Size(max = 4000)
        public String outcome;
    }

    /** A department operating policy as sent on create and update. */
    public static class PolicyInput {
        @NotNull
        public UUID departmentId;

        @NotNull
        public FiscalYear fiscalYear;

        @Size(max = 300)
        public String title;

        @Size(max = 50)
        public List<@NotBlank @Size(max = 4000) String> mission;

        @Valid
        @Size(max = 50)
        public List<@NotNull GoalInput> goals;

        @Size(max = 50)
        public List<@NotBlank @Size(max = 4000) String> reformCommitments;

        @Valid
        public ResourcesInput resources;

        @Size(max = 1000)
        public String midTermGoalsBasis;

        @Valid
        @Size(max = 50)
        public List<@NotNull MidTermGoalInput> midTermGoals;

        DepartmentPolicy.Content content() {
            ResourcesInput r = resources == null ? new ResourcesInput() : resources;
            return new DepartmentPolicy.Content(departmentId, fiscalYear, title, list(mission),
                    list(goals).stream().map(g -> new DepartmentPolicy.Goal(g.title.strip(), g.description)).toList(),
                    list(reformCommitments),
                    new DepartmentPolicy.Resources(r.regularStaff, r.partTimeStaff, r.personnelCostRegular,
                            r.personnelCostPartTime, r.revenueBudget, r.expenditureBudget, r.budgetProgramCount,
                            r.divisionCount, r.notes),
                    midTermGoalsBasis,
                    list(midTermGoals).stream().map(g -> new DepartmentPolicy.MidTermGoal(g.measure, g.planNodeId,
                            g.divisionId, g.divisionName, g.outcome)).toList());
        }

        private static <T> List<T> list(List<T> l) {
            return l == null ? List.of() : l;
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List department operating policies (?fiscalYear=, ?departmentId=; ?sort= fiscalYear,"
            + " departmentId; paged in the database; CSV with ?format=csv, streamed)")
    @Answers(value = PolicyView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("departmentId") String departmentId,
            @QueryParam("sort") String sort) {
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<DepartmentPolicy> found = policies.list(DocumentParams.fiscalYear(fiscalYear),
                DocumentParams.uuid("departmentId", departmentId), DepartmentPolicyService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("department-policies.csv",
                    List.of("fiscalYear", "department", "totalStaff", "regularStaff", "partTimeStaff",
                            "personnelCostRegular", "personnelCostPartTime", "revenueBudget", "expenditureBudget",
                            "budgetProgramCount", "divisionCount", "mission", "goals", "reformCommitments", "midTermGoals")
                            .stream().map(k -> Messages.get(l, "planning.csv.departmentPolicy." + k)).toList(),
                    exports.of(found, this::view), v -> Arrays.asList(v.fiscalYear().label(l),
                            v.department().nameJa(), v.resources().totalStaff(), v.resources().regularStaff(),
                            v.resources().partTimeStaff(), v.resources().personnelCostRegular(),
                            v.resources().personnelCostPartTime(), v.resources().revenueBudget(),
                            v.resources().expenditureBudget(), v.resources().budgetProgramCount(),
                            v.resources().divisionCount(), String.join("\n", v.mission()),
                            String.join("\n", v.goals().stream().map(GoalView::title).toList()),
                            String.join("\n", v.reformCommitments()),
                            String.join("\n", v.midTermGoals().stream().map(g -> g.priority() + ". " + nz(g.measure())
                                    + (g.divisionName() == null ? "" : " (" + g.divisionName() + ")")).toList())));
        }
        return Response.ok(found.page(paging).map(this::view)).build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a department operating policy (one per department and fiscal year)")
    @Answers(value = PolicyView.class, status = 201)
    public Response create(@Valid PolicyInput body) {
        Bodies.require(body);
        DepartmentPolicy p = policies.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(p.getId().toString()).build())
                .tag(Versions.tag(p.getVersion())).entity(view(p)).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Path("copy")
    @Transactional
    @Operation(summary = "Copy every policy of fiscal year ?from= into ?to= (the old year stays as it is)")
    @Answers(value = PolicyView.class, list = true)
    public Response copy(@QueryParam("from") String from, @QueryParam("to") String to) {
        FiscalYear[] years = DocumentParams.copyYears(from, to);
        List<DepartmentPolicy> copies = policies.copy(years[0], years[1]);
        return Response.ok(copies.stream().map(this::view).toList()).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One department operating policy")
    @Answers(PolicyView.class)
    public Response get(@PathParam("id") UUID id) {
        DepartmentPolicy p = policies.require(id);
        return Response.ok(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a department operating policy (If-Match required)")
    @Answers(PolicyView.class)
    public Response update(@PathParam("id") UUID id, @Valid PolicyInput body) {
        Bodies.require(body);
        DepartmentPolicy p = policies.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        policies.revise(p, body.content());
        return Response.ok(view(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a department operating policy (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        DepartmentPolicy p = policies.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        policies.delete(p);
        return Response.noContent().build();
    }
}
