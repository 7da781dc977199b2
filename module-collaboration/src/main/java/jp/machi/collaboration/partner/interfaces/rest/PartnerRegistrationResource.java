package jp.machi.collaboration.partner.interfaces.rest;

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
import jp.machi.collaboration.partner.application.PartnerRegistrationWorkflow;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.partner.domain.Partner;
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
 * {@code /api/v1/municipalities/{lgCode}/collaboration/partners/{id}/registration}: the decision on
 * an organisation's registration (団体登録の審査) — its state, the actions the caller may take now, the
 * history — and {@code /transitions} to take one ({@code approve}, {@code refuse}, {@code close},
 * {@code reopen}; the last three with a reason), with the partner's ETag as If-Match. See
 * {@link PartnerRegistrationWorkflow}.
 */
@Path("municipalities/{lgCode}/collaboration/partners/{id}/registration")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class PartnerRegistrationResource {

    @Inject
    PartnerService partners;

    @Inject
    WorkflowService workflows;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @PathParam("id")
    UUID id;

    @JsonbPropertyOrder({"partnerId", "state", "stateLabel", "actions", "history"})
    public record RegistrationView(UUID partnerId, String state, String stateLabel, List<ActionView> actions,
            List<HistoryView> history) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The registration decision of a partner: its state, the actions the caller may take now, the"
            + " history; ETag of the partner")
    @Answers(RegistrationView.class)
    public Response get() {
        return registration(partners.require(id));
    }

    @POST
    @Path("transitions")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Approve or refuse a registration application, end a registration, or reopen one"
            + " ({\"action\":\"approve|refuse|close|reopen\",\"comment\":…}; a reason required but to approve;"
            + " holders of collaboration.approver; If-Match: the partner's ETag)")
    @Answers(RegistrationView.class)
    public Response transition(@Valid TransitionInput body) {
        Bodies.require(body);
        Partner p = partners.require(id);
        Versions.requireMatch(request, headers, p.getVersion());
        workflows.take(PartnerRegistrationWorkflow.DEFINITION, p, body.action, body.comment);
        partners.flush();
        return registration(p);
    }

    private Response registration(Partner p) {
        Locale l = Problems.locale(headers);
        Workflow<Partner> wf = PartnerRegistrationWorkflow.DEFINITION;
        List<ActionView> actions = WorkflowViews.actions(wf, p, l);
        List<HistoryView> history = WorkflowViews.history(wf, workflows.history(wf, p.getId()), l);
        Workflow.State s = wf.stateOf(p);
        return Response.ok(new RegistrationView(p.getId(), s.code(), s.label().in(l), actions, history))
                .tag(Versions.tag(p.getVersion())).build();
    }

}
