package jp.machi.engagement.voice.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Versions;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.engagement.voice.application.VoiceRoutings;
import jp.machi.engagement.voice.application.VoiceService;
import jp.machi.engagement.voice.domain.CitizenVoice;
import jp.machi.engagement.voice.domain.VoiceRouting;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/engagement/voices/{id}/routing}: which units handle a
 * citizen voice — the lead unit (the voice's {@code unitId}) and the co-units sharing it (共管課) —
 * and the routing history (who routed it where, when, why). Changing it needs the voice's ETag as
 * If-Match and raises the voice's version.
 */
@Path("municipalities/{lgCode}/engagement/voices/{id}/routing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class VoiceRoutingResource {

    @Inject
    VoiceService voices;

    @Inject
    VoiceRoutings routings;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @PathParam("id")
    UUID id;

    /** The new routing: lead unit (null: none), co-units, and why (required to reassign). */
    public static class RoutingInput {
        public UUID unitId;

        @Size(max = 50)
        public List<UUID> coUnitIds;

        @Size(max = 500)
        public String reason;
    }

    @JsonbPropertyOrder({"id", "name"})
    public record UnitView(UUID id, String name) {
    }

    @JsonbPropertyOrder({"at", "by", "from", "to", "coUnits", "reason"})
    public record HistoryView(OffsetDateTime at, String by, UnitView from, UnitView to, List<UnitView> coUnits,
            String reason) {
    }

    @JsonbPropertyOrder({"voiceId", "lead", "coUnits", "history"})
    public record RoutingView(UUID voiceId, UnitView lead, List<UnitView> coUnits, List<HistoryView> history) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The units handling a citizen voice (lead unit and co-units) and its routing history"
            + " (who, when, from, to, why), oldest first; ETag of the voice")
    @Answers(RoutingView.class)
    public Response get() {
        return view(voices.require(id));
    }

    /**
     * The routing as its PUT takes it, for a merge patch: the GET shows the lead unit as {@code lead}, the
     * PUT takes {@code unitId}; the reason is the change's own (none until the patch gives one).
     */
    @jp.machi.core.api.MergePatch.Base
    @Transactional
    public RoutingInput current() {
        CitizenVoice v = voices.require(id);
        RoutingInput b = new RoutingInput();
        b.unitId = v.getUnitId();
        b.coUnitIds = routings.coUnits(v.getId());
        return b;
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Route a citizen voice to a lead unit shared with co-units"
            + " ({\"unitId\":…,\"coUnitIds\":[…],\"reason\":…}; a reason is required to reassign or take a unit off;"
            + " If-Match: the voice's ETag; raises its version; recorded in the routing history)")
    @Answers(RoutingView.class)
    public Response route(@Valid RoutingInput body) {
        Bodies.require(body);
        CitizenVoice v = voices.require(id);
        Versions.requireMatch(request, headers, v.getVersion());
        String reason = body.reason == null || body.reason.isBlank() ? null : body.reason.strip();
        routings.route(v, body.unitId, body.coUnitIds == null ? List.of() : body.coUnitIds, reason);
        return view(v);
    }

    private Response view(CitizenVoice v) {
        List<HistoryView> history = routings.history(v.getId()).stream().map(this::entry).toList();
        return Response.ok(new RoutingView(v.getId(), unit(v.getUnitId()),
                routings.coUnits(v.getId()).stream().map(this::unit).toList(), history))
                .tag(Versions.tag(v.getVersion())).build();
    }

    private HistoryView entry(VoiceRouting r) {
        return new HistoryView(r.getRoutedAt().atZoneSameInstant(VoiceService.JAPAN).toOffsetDateTime(), r.getRoutedBy(),
                unit(r.getFromUnitId()), unit(r.getToUnitId()), r.getCoUnitIds().stream().map(this::unit).toList(),
                r.getReason());
    }

    private UnitView unit(UUID unitId) {
        return unitId == null ? null : new UnitView(unitId, voices.unitName(unitId).orElse(null));
    }
}
