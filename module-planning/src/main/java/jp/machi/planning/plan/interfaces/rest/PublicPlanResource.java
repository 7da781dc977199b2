package jp.machi.planning.plan.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.CachedRead;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import jp.machi.planning.plan.application.PlanService;
import jp.machi.planning.plan.application.ProgressService;
import jp.machi.planning.plan.domain.ComprehensivePlan;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.OverviewView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.PlanView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.ProgressView;
import jp.machi.planning.plan.interfaces.rest.PlanDtos.TreeView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/planning/public/plans}: what anybody may read of the
 * comprehensive plans a municipality has marked {@code published} — the plan, its tree (texts,
 * responsible divisions, linked indicators) and its progress per fiscal year with the explained
 * roll-up, the same views the staff read. An unpublished plan answers exactly like one that does not
 * exist (404). Plans hold no personal data; evaluation results, which come later, will be
 * published through their own endpoints when the evaluation workflow marks them so.
 */
@Path("municipalities/{lgCode}/planning/public/plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class PublicPlanResource {

    @Inject
    PlanService plans;

    @Inject
    ProgressService progress;

    @Inject
    PlanViews views;

    @Context
    HttpHeaders headers;

    @GET
    @CachedRead
    @Transactional
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "Public: the published comprehensive plans, latest period first (?sort= firstFiscalYear,"
            + " lastFiscalYear, name; paged in the database)")
    @Answers(value = PlanView.class, page = true)
    public Page<PlanView> list(@BeanParam PageRequest paging, @QueryParam("sort") String sort) {
        paging.offset();
        return plans.list(true, PlanService.SORT.parse(sort)).page(paging).map(views::plan);
    }

    @GET
    @CachedRead
    @Path("{planId}")
    @Transactional
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "Public: one published plan (404 when it is not published)")
    @Answers(PlanView.class)
    public PlanView get(@PathParam("planId") UUID planId) {
        return views.plan(plans.requirePublished(planId));
    }

    @GET
    @CachedRead
    @Path("{planId}/tree")
    @Transactional
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "Public: a published plan's hierarchy with texts, responsible divisions and indicators")
    @Answers(TreeView.class)
    public TreeView tree(@PathParam("planId") UUID planId) {
        ComprehensivePlan p = plans.requirePublished(planId);
        return new TreeView(views.plan(p), views.tree(p, Problems.locale(headers)));
    }

    @GET
    @CachedRead
    @Path("{planId}/overview")
    @Transactional
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "Public: the portal's plan page in one answer: the published plan with its tree, the fiscal year "
            + "shown first and the progress of every fiscal year of its period (each as …/progress answers it)")
    @Answers(OverviewView.class)
    public OverviewView overview(@PathParam("planId") UUID planId) {
        ComprehensivePlan p = plans.requirePublished(planId);
        List<ProgressView> years = new ArrayList<>();
        for (FiscalYear y = p.getFirstYear(); y.compareTo(p.getLastYear()) <= 0; y = y.next()) {
            years.add(views.progress(progress.of(p, y)));
        }
        return new OverviewView(new TreeView(views.plan(p), views.tree(p, Problems.locale(headers))), progress.defaultYear(p),
                years);
    }

    @GET
    @CachedRead
    @Path("{planId}/progress")
    @Transactional
    @Access(Access.Level.PUBLIC)
    @Operation(summary = "Public: a published plan's progress in a fiscal year (?fiscalYear=R5; default: the current one "
            + "within the period), every node's score with its terms and formula in Japanese and English")
    @Answers(ProgressView.class)
    public ProgressView progress(@PathParam("planId") UUID planId, @QueryParam("fiscalYear") String fiscalYear) {
        ComprehensivePlan p = plans.requirePublished(planId);
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? progress.defaultYear(p) : FiscalYear.parse(fiscalYear);
        return views.progress(progress.of(p, fy));
    }
}
