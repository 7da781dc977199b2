package ${package}.item.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import ${package}.item.application.ItemReviewWorkflow;
import ${package}.item.application.ItemService;
import ${package}.item.domain.Item;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.workflow.Workflow;
import jp.machi.core.workflow.WorkflowService;
import jp.machi.core.workflow.WorkflowViews;
import jp.machi.core.workflow.WorkflowViews.ActionView;
import jp.machi.core.workflow.WorkflowViews.HistoryView;
import jp.machi.core.workflow.WorkflowViews.TransitionInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/${moduleId}/items/{id}/review}: an item's review (ItemReviewWorkflow) — its
 * state, the actions the caller may take now, the history — and {@code /transitions} to take one ({@code accept},
 * {@code reject} with a reason), with the item's ETag as If-Match. Core's WorkflowService refuses: 403 without the
 * reviewer role, 409 when the action is not possible now, 400 without a required reason; nothing is written then.
 */
@Path("municipalities/{lgCode}/${moduleId}/items/{id}/review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "${moduleId}")
public class ItemReviewResource {

    @Inject
    ItemService items;

    @Inject
    WorkflowService workflows;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @JsonbPropertyOrder({"itemId", "state", "stateLabel", "actions", "history"})
    public record ReviewView(UUID itemId, String state, String stateLabel, List<ActionView> actions,
            List<HistoryView> history) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "An item's review: its state, the actions the caller may take now, the history; ETag of the item")
    @Answers(ReviewView.class)
    public Response get(@PathParam("id") UUID id) {
        return review(items.require(id));
    }

    @POST
    @Path("transitions")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Accept or reject an item ({\"action\":\"accept|reject\",\"comment\":…}; a reason required to"
            + " reject; holders of the module's reviewer role; If-Match: the item's ETag)")
    @Answers(ReviewView.class)
    public Response transition(@PathParam("id") UUID id, TransitionInput body) {
        // The item first (404 for another municipality's id whatever the body), then the body, then If-Match. No
        // @Valid here, which would check the body before the item: WorkflowService refuses an unknown action and
        // an over-long comment itself (400).
        Item i = items.require(id);
        Bodies.require(body);
        Versions.requireMatch(request, headers, i.getVersion());
        workflows.take(ItemReviewWorkflow.DEFINITION, i, body.action, body.comment);
        items.flush();
        return review(i);
    }

    private Response review(Item i) {
        Locale l = Problems.locale(headers);
        Workflow<Item> wf = ItemReviewWorkflow.DEFINITION;
        Workflow.State s = wf.stateOf(i);
        return Response.ok(new ReviewView(i.getId(), s.code(), s.label().in(l), WorkflowViews.actions(wf, i, l),
                WorkflowViews.history(wf, workflows.history(wf, i.getId()), l))).tag(Versions.tag(i.getVersion())).build();
    }
}
