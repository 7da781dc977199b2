package jp.machi.collaboration.project.interfaces.rest;

import static jp.machi.collaboration.interfaces.rest.QueryParams.blank;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.project.application.ProjectService;
import jp.machi.collaboration.project.domain.CollaborativeProject;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/projects}: collaborative projects (協働事業,
 * seed 004 #14) — a unit, registered partner organisations, a fiscal year, a form of collaboration
 * from the municipality's list ({@code GET forms}), budget and outcome. The metric
 * {@code collaboration:projects-per-fiscal-year} counts them.
 */
@Path("municipalities/{lgCode}/collaboration/projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class ProjectResource {

    @Inject
    ProjectService projects;

    @Inject
    PartnerService partners;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "name"})
    public record PartnerRef(UUID id, String name) {
    }

    @JsonbPropertyOrder({"id", "fiscalYear", "fiscalYearLabel", "title", "unitId", "unitName", "form", "partners",
        "description", "budget", "outcome"})
    public record ProjectView(UUID id, FiscalYear fiscalYear, String fiscalYearLabel, String title, UUID unitId,
            String unitName, String form, List<PartnerRef> partners, String description, BigDecimal budget,
            String outcome) {
    }

    @JsonbPropertyOrder({"forms"})
    public record FormsView(List<String> forms) {
    }

    /** A project as sent on create and update. */
    public static class ProjectInput {
        @NotNull
        public FiscalYear fiscalYear;

        @NotBlank
        @Size(max = 200)
        public String title;

        @NotNull
        public UUID unitId;

        @NotBlank
        @Size(max = 50)
        public String form;

        @Size(max = 20)
        public List<@NotNull UUID> partnerIds;

        @Size(max = 2000)
        public String description;

        @DecimalMin("0")
        @Digits(integer = 13, fraction = 0)
        public BigDecimal budget;

        @Size(max = 2000)
        public String outcome;

        CollaborativeProject.Content content() {
            return new CollaborativeProject.Content(fiscalYear, title.strip(), unitId, form.strip(),
                    partnerIds == null ? List.of() : partnerIds, blank(description), budget, blank(outcome));
        }
    }

    @GET
    @Path("forms")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The municipality's forms of collaboration (module setting collaborationForms)")
    @Answers(FormsView.class)
    public FormsView forms() {
        return new FormsView(projects.forms());
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List collaborative projects, newest fiscal year first (filters: fiscalYear, unitId, form,"
            + " partnerId, q; ?sort= fiscalYear, title, form, budget, - for descending; paged in the database; CSV with"
            + " ?format=csv, streamed)")
    @Answers(value = ProjectView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("unitId") String unitId,
            @QueryParam("form") String form, @QueryParam("partnerId") String partnerId, @QueryParam("q") String q,
            @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        UUID unit = uuid("unitId", unitId, errors);
        UUID partner = uuid("partnerId", partnerId, errors);
        if (form != null && form.length() > 50) {
            errors.add(new ApiException.FieldErrorKey("form", "collaboration.queryTooLong", 50));
        }
        if (q != null && q.length() > 200) {
            errors.add(new ApiException.FieldErrorKey("q", "collaboration.queryTooLong", 200));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? null : FiscalYear.parse(fiscalYear);
        ProjectService.Filter filter = new ProjectService.Filter(fy, unit, blank(form), partner, q);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<CollaborativeProject> query = projects.list(filter, ProjectService.SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("collaborative-projects.csv",
                    List.of("fiscalYear", "title", "unitName", "form", "partners", "description", "budget", "outcome")
                            .stream().map(k -> Messages.get(l, "collaboration.csv.project." + k)).toList(),
                    exports.of(query, c -> view(c, l, null)), v -> Arrays.asList(v.fiscalYearLabel(), v.title(),
                            v.unitName(), v.form(), String.join("・", v.partners().stream().map(PartnerRef::name).toList()),
                            v.description(), v.budget(), v.outcome()));
        }
        Page<CollaborativeProject> page = query.page(paging);
        Set<UUID> ids = new HashSet<>();
        page.getItems().forEach(c -> ids.addAll(c.getPartnerIds()));
        Map<UUID, String> names = partners.names(ids);
        return Response.ok(page.map(c -> view(c, l, names))).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a collaborative project (partners: registered organisations of this municipality;"
            + " form: one of the municipality's forms)")
    @Answers(value = ProjectView.class, status = 201)
    public Response create(@Valid ProjectInput body) {
        Bodies.require(body);
        requireEditor();
        CollaborativeProject c = projects.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(c.getId().toString()).build())
                .tag(Versions.tag(c.getVersion())).entity(view(c, Problems.locale(headers), null)).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One collaborative project")
    @Answers(ProjectView.class)
    public Response get(@PathParam("id") UUID id) {
        CollaborativeProject c = projects.require(id);
        return Response.ok(view(c, Problems.locale(headers), null)).tag(Versions.tag(c.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Revise a collaborative project, its partners included (If-Match required)")
    @Answers(ProjectView.class)
    public Response update(@PathParam("id") UUID id, @Valid ProjectInput body) {
        Bodies.require(body);
        requireEditor();
        CollaborativeProject c = projects.require(id);
        Versions.requireMatch(request, headers, c.getVersion());
        projects.revise(c, body.content());
        return Response.ok(view(c, Problems.locale(headers), null)).tag(Versions.tag(c.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete a collaborative project (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        requireEditor();
        CollaborativeProject c = projects.require(id);
        Versions.requireMatch(request, headers, c.getVersion());
        projects.delete(c);
        return Response.noContent().build();
    }

    private ProjectView view(CollaborativeProject c, Locale l, Map<UUID, String> names) {
        Map<UUID, String> n = names != null ? names : partners.names(c.getPartnerIds());
        return new ProjectView(c.getId(), c.getFiscalYear(), c.getFiscalYear().label(l), c.getTitle(), c.getUnitId(),
                projects.unitName(c.getUnitId()).orElse(null), c.getForm(),
                c.getPartnerIds().stream().map(p -> new PartnerRef(p, n.get(p))).toList(), c.getDescription(),
                c.getBudget(), c.getOutcome());
    }

    /**
     * Projects are edited by holders of {@value CollaborationModule#EDITOR} (the 市民協働推進員 of each
     * unit, typically) and municipality administrators; other staff read them (403).
     */
    private static void requireEditor() {
        Caller c = CallerContext.current().orElseThrow();
        if (!c.has(Role.MUNICIPALITY_ADMIN) && !c.holds(CollaborationModule.EDITOR)) {
            throw new ApiException(403, "forbidden", "collaboration.project.editorOnly");
        }
    }

    private static UUID uuid(String field, String text, List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldErrorKey(field, "collaboration.uuidExpected",
                    text.length() > 40 ? text.substring(0, 40) + "…" : text));
            return null;
        }
    }
}
