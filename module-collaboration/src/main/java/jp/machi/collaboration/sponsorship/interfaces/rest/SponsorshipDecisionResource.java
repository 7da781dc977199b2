package jp.machi.collaboration.sponsorship.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.collaboration.sponsorship.application.SponsorshipWorkflow;
import jp.machi.collaboration.sponsorship.application.SponsorshipService;
import jp.machi.collaboration.sponsorship.domain.Sponsorship;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.workflow.Workflow;
import jp.machi.core.workflow.WorkflowService;
import jp.machi.core.workflow.WorkflowViews;
import jp.machi.core.workflow.WorkflowViews.ActionView;
import jp.machi.core.workflow.WorkflowViews.HistoryView;
import jp.machi.core.workflow.WorkflowViews.TransitionInput;
import jp.machi.core.workflow.domain.WorkflowTransition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/sponsorships/{id}/decision}: the decision on a
 * sponsorship application (後援名義使用の審査) — its state, the actions the caller may take now, the
 * history — and {@code /transitions} to take one ({@code approve}, {@code refuse} and {@code reopen}
 * with a reason), with the application's ETag as If-Match. See {@link SponsorshipWorkflow}.
 */
@Path("municipalities/{lgCode}/collaboration/sponsorships/{id}/decision")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class SponsorshipDecisionResource {

    @Inject
    SponsorshipService sponsorships;

    @Inject
    WorkflowService workflows;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @PathParam("id")
    UUID id;

    @JsonbPropertyOrder({"sponsorshipId", "state", "stateLabel", "actions", "history"})
    public record DecisionView(UUID sponsorshipId, String state, String stateLabel, List<ActionView> actions,
            List<HistoryView> history) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The decision on a sponsorship application: its state, the actions the caller may take"
            + " now, the history; ETag of the application")
    @Answers(DecisionView.class)
    public Response get() {
        return decision(sponsorships.require(id));
    }

    @POST
    @Path("transitions")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Approve or refuse a sponsorship application, or reopen a refused one"
            + " ({\"action\":\"approve|refuse|reopen\",\"comment\":…}; a reason required but to approve; approval"
            + " needs every criterion checked and no missing report of the organiser (409); holders of"
            + " collaboration.approver; If-Match: the application's ETag)")
    @Answers(DecisionView.class)
    public Response transition(@Valid TransitionInput body) {
        Bodies.require(body);
        Sponsorship p = sponsorships.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        workflows.take(SponsorshipWorkflow.DEFINITION, p, body.action, body.comment);
        sponsorships.flush();
        return decision(p);
    }

    private Response decision(Sponsorship p) {
        Locale l = Problems.locale(headers);
        Workflow<Sponsorship> wf = SponsorshipWorkflow.DEFINITION;
        List<ActionView> actions = WorkflowViews.actions(wf, p, l);
        List<HistoryView> history = WorkflowViews.history(wf, workflows.history(wf, p.getId()), l);
        Workflow.State s = wf.stateOf(p);
        return Response.ok(new DecisionView(p.getId(), s.code(), s.label().in(l), actions, history))
                .tag(Versions.tag(p.getVersion())).build();
    }

}
