package jp.machi.engagement.voice.interfaces.rest;

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
import jp.machi.engagement.voice.application.VoiceAnswerWorkflow;
import jp.machi.engagement.voice.application.VoiceService;
import jp.machi.engagement.voice.domain.CitizenVoice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/engagement/voices/{id}/answer}: the approval (決裁) of a
 * citizen voice's answer — its state, the actions the caller may take now, the history — and
 * {@code /transitions} to take one ({@code submit}, {@code approve}, {@code return} with a reason),
 * with the voice's ETag as If-Match. See {@link VoiceAnswerWorkflow}.
 */
@Path("municipalities/{lgCode}/engagement/voices/{id}/answer")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class VoiceAnswerResource {

    @Inject
    VoiceService voices;

    @Inject
    WorkflowService workflows;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @PathParam("id")
    UUID id;

    /** The answer's approval as it stands, what the caller may do now, and what happened. */
    @JsonbPropertyOrder({"voiceId", "state", "stateLabel", "approved", "actions", "history"})
    public record AnswerApprovalView(UUID voiceId, String state, String stateLabel, boolean approved,
            List<ActionView> actions, List<HistoryView> history) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The approval (決裁) of the voice's answer: its state, the actions the caller may take now,"
            + " the history; ETag of the voice")
    @Answers(AnswerApprovalView.class)
    public Response get() {
        return answer(voices.require(id));
    }

    @POST
    @Path("transitions")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Submit the answer for approval, approve it, or return it with a reason"
            + " ({\"action\":\"submit|approve|return\",\"comment\":…}; If-Match: the voice's ETag)")
    @Answers(AnswerApprovalView.class)
    public Response transition(@Valid TransitionInput body) {
        Bodies.require(body);
        CitizenVoice v = voices.require(id);
        Versions.requireMatch(request, headers, v.getVersion());
        workflows.take(VoiceAnswerWorkflow.DEFINITION, v, body.action, body.comment);
        return answer(v);
    }

    private Response answer(CitizenVoice v) {
        Locale l = Problems.locale(headers);
        Workflow<CitizenVoice> wf = VoiceAnswerWorkflow.DEFINITION;
        List<ActionView> actions = WorkflowViews.actions(wf, v, l);
        List<HistoryView> history = WorkflowViews.history(wf, workflows.history(wf, v.getId()), l);
        Workflow.State s = wf.stateOf(v);
        return Response.ok(new AnswerApprovalView(v.getId(), s.code(), s.label().in(l), v.isAnswerApproved(), actions,
                history)).tag(Versions.tag(v.getVersion())).build();
    }

}
