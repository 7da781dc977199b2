package jp.machi.planning.plan.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.CachedRead;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.planning.plan.application.PlanNodeService;
import jp.machi.planning.plan.application.PlanService;
import jp.machi.planning.plan.application.ProgressService;
import jp.machi.planning.plan.domain.ComprehensivePlan;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.PlanInput;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.PlanView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.ProgressView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.RenumberInput;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.TreeView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/planning/plans}: comprehensive plans (総合計画), their
 * tree, and their progress per fiscal year.
 */
@Path("municipalities/{lgCode}/planning/plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class PlanResource {

    @Inject
    PlanService plans;

    @Inject
    Exports exports;

    @Inject
    PlanNodeService nodes;

    @Inject
    ProgressService progress;

    @Inject
    PlanViews views;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "List comprehensive plans, latest period first (?sort= firstFiscalYear, lastFiscalYear, name;"
            + " paged in the database; CSV with ?format=csv, streamed)")
    @Answers(value = PlanView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("sort") String sort) {
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<ComprehensivePlan> found = plans.list(false, PlanService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("plans.csv",
                    List.of("name", "nameEn", "firstFiscalYear", "lastFiscalYear", "levelNames", "nodeCount").stream()
                            .map(k -> Messages.get(l, "planning.csv.plan." + k)).toList(),
                    exports.<ComprehensivePlan, List<?>>of(found, p -> Arrays.asList(p.getName(), p.getNameEn(),
                            p.getFirstYear().label(l), p.getLastYear().label(l), String.join(" → ", plans.levelNames(p)),
                            plans.nodeCount(p))), row -> row);
        }
        return Response.ok(found.page(paging).map(views::plan)).build();
    }

    @POST
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Create a comprehensive plan: name, period, level names (else the municipality's setting), roll-up rule")
    @Answers(value = PlanView.class, status = 201)
    public Response create(@Valid PlanInput body) {
        views.valid(body);
        ComprehensivePlan p = plans.create(checked(body));
        return Response.created(uri.getAbsolutePathBuilder().path(p.getId().toString()).build())
                .tag(Versions.tag(p.getVersion())).entity(views.plan(p)).build();
    }

    @GET
    @Path("{planId}")
    @Transactional
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "One plan")
    @Answers(PlanView.class)
    public Response get(@PathParam("planId") UUID planId) {
        ComprehensivePlan p = plans.require(planId);
        return Response.ok(views.plan(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @PUT
    @Path("{planId}")
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Replace a plan (If-Match required); fewer levels than its nodes use is 409")
    @Answers(PlanView.class)
    public Response update(@PathParam("planId") UUID planId, PlanInput body) {
        ComprehensivePlan p = plans.requireForTreeChange(planId);
        views.valid(body);
        Versions.requireMatch(request, headers, p.getVersion());
        plans.revise(p, checked(body));
        return Response.ok(views.plan(p)).tag(Versions.tag(p.getVersion())).build();
    }

    @DELETE
    @Path("{planId}")
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Delete a plan with its nodes and indicator links (If-Match required; the indicators stay)")
    @Answers(status = 204)
    public Response delete(@PathParam("planId") UUID planId) {
        ComprehensivePlan p = plans.requireForTreeChange(planId);
        Versions.requireMatch(request, headers, p.getVersion());
        plans.delete(p);
        return Response.noContent().build();
    }

    @GET
    @Path("{planId}/tree")
    @Transactional
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "The plan's whole hierarchy: every node with its level name, texts, units, indicators and children")
    @Answers(TreeView.class)
    public Response tree(@PathParam("planId") UUID planId) {
        ComprehensivePlan p = plans.require(planId);
        return Response.ok(new TreeView(views.plan(p), views.tree(p, Problems.locale(headers))))
                .tag(Versions.tag(p.getVersion())).build();
    }

    @POST
    @Path("{planId}/renumber")
    @Transactional
    @Access(minimum = Role.STAFF)
    @Operation(summary = "Renumber the plan's nodes level by level in one request, all or nothing (If-Match of the plan,"
            + " whose version it raises): per level KEEP, CLEAR, SEQUENCE (through the plan in document order), SIBLINGS"
            + " (again under each parent) or OUTLINE (the parent's number, separator, count); underNodeId: only below"
            + " that node. Answers the tree")
    @Answers(TreeView.class)
    public Response renumber(@PathParam("planId") UUID planId, RenumberInput body) {
        ComprehensivePlan p = plans.requireForTreeChange(planId);
        views.valid(body);
        Versions.requireMatch(request, headers, p.getVersion());
        nodes.renumber(p, body.underNodeId, body.levels.stream().map(l -> new PlanNodeService.LevelNumbering(l.scheme,
                l.start == null ? 1 : l.start, l.separator == null ? "-" : l.separator)).toList());
        return Response.ok(new TreeView(views.plan(p), views.tree(p, Problems.locale(headers))))
                .tag(Versions.tag(p.getVersion())).build();
    }

    @GET
    @CachedRead
    @Path("{planId}/progress")
    @Transactional
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "Progress in a fiscal year (?fiscalYear=R5; default: the current one within the period): "
            + "each node's indicators with achievement and rating, and the roll-up score of every node with its terms "
            + "and formula in Japanese and English")
    @Answers(ProgressView.class)
    public ProgressView progress(@PathParam("planId") UUID planId, @QueryParam("fiscalYear") String fiscalYear) {
        ComprehensivePlan p = plans.require(planId);
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? progress.defaultYear(p) : FiscalYear.parse(fiscalYear);
        return views.progress(progress.of(p, fy));
    }

    /** The edit a valid body asks for, after the checks that span fields. */
    private static ComprehensivePlan.Content checked(PlanInput body) {
        if (body.lastFiscalYear.compareTo(body.firstFiscalYear) < 0) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("lastFiscalYear",
                    "planning.plan.period.order", yearLabel(body.firstFiscalYear), yearLabel(body.lastFiscalYear))));
        }
        return PlanViews.content(body);
    }

    /** 令和3年度 in Japanese, FY2021 in English. */
    private static jp.machi.core.i18n.LocalizedText yearLabel(FiscalYear fy) {
        return jp.machi.core.i18n.LocalizedText.of(fy.label(Locale.JAPANESE), fy.label(Locale.ENGLISH));
    }
}
