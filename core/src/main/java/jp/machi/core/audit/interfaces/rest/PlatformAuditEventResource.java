package jp.machi.core.audit.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Csv;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.audit.application.AuditTrail;
import jp.machi.core.audit.infrastructure.AuditRow;
import jp.machi.core.audit.interfaces.rest.AuditDtos.AuditEventView;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/audit-events}: the platform's own audit trail, the events of rows that belong to
 * no municipality (platform administrators, platform API tokens), for platform administrators.
 * Same filters and CSV as a municipality's trail.
 */
@Path("audit-events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class PlatformAuditEventResource {

    @Inject
    AuditTrail trail;

    @Context
    HttpHeaders headers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Access(minimum = Role.PLATFORM_ADMIN)
    @Operation(summary = "List platform-level audit events (no municipality), newest first (filters: entityType,"
            + " entityId, actor, action, from, to; paged; CSV with ?format=csv)")
    @Answers(value = AuditEventView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        Locale l = Problems.locale(headers);
        AuditTrail.Filter filter = AuditEventResource.filter(entityType, entityId, actor, action, from, to);
        if (Csv.requested(format, headers)) {
            return Csv.response("audit-events-platform.csv", AuditEventResource.csvHeader(l), trail.platformAll(filter),
                    r -> csvRow(r, l));
        }
        paging.offset();
        return Response.ok(trail.platformList(filter, paging).map(r -> AuditEventView.of(r, l))).build();
    }

    private static java.util.List<?> csvRow(AuditRow r, Locale l) {
        return java.util.Arrays.asList(r.occurredAt().atZoneSameInstant(AuditDtos.JAPAN).toOffsetDateTime().toString(),
                r.action().label().in(l), r.entityType(), r.entityId(), r.actor().name(), r.actor().id(),
                r.actor().method(), r.changes());
    }
}
