package jp.machi.core.audit.interfaces.rest;

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
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Csv;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.audit.application.AuditTrail;
import jp.machi.core.audit.domain.AuditAction;
import jp.machi.core.audit.domain.AuditEvent;
import jp.machi.core.audit.interfaces.rest.AuditDtos.AuditEventView;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.CurrentMunicipality;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/audit-events}: the municipality's audit trail (監査証跡),
 * newest first, for its administrators. Read only: events are written by the persistence layer in
 * the transaction of each change, and no method here or anywhere changes or deletes them.
 */
@Path("municipalities/{lgCode}/audit-events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "監査証跡 / audit trail")
public class AuditEventResource {

    @Inject
    AuditTrail trail;

    @Inject
    CurrentMunicipality municipality;

    @Inject
    jp.machi.core.persistence.Exports exports;

    @Context
    HttpHeaders headers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Operation(summary = "List audit events, newest first (filters: entityType, entityId, actor, action, from, to as"
            + " ISO dates, whole days in Japan time, or date-times with offset; paged; CSV with ?format=csv)")
    @Answers(value = AuditEventView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        Locale l = Problems.locale(headers);
        AuditTrail.Filter filter = filter(entityType, entityId, actor, action, from, to);
        boolean csv = Csv.requested(format, headers);
        if (csv) {
            return Csv.stream("audit-events-" + municipality.code() + ".csv", csvHeader(l),
                    exports.of(trail.query(filter), e -> e), e -> csvRow(e, l));
        }
        paging.offset(); // a malformed page or size is a 400 before anything is read
        return Response.ok(trail.list(filter, paging).map(e -> AuditEventView.of(e, l))).build();
    }

    @GET
    @Path("entity-types")
    @Transactional
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Operation(summary = "The entity types that have audit events in this municipality")
    @Answers(value = String.class, list = true)
    public List<String> entityTypes() {
        return trail.entityTypes();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Operation(summary = "One audit event")
    @Answers(AuditEventView.class)
    public Response get(@PathParam("id") UUID id) {
        AuditEvent e = trail.find(id).orElseThrow(() -> ApiException.notFound("audit.notFound", id.toString()));
        return Response.ok(AuditEventView.of(e, Problems.locale(headers))).build();
    }

    static AuditTrail.Filter filter(String entityType, String entityId, String actor, String action, String from,
            String to) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        AuditAction a = null;
        if (action != null && !action.isBlank()) {
            try {
                a = AuditAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ApiException.FieldErrorKey("action", "audit.action.unknown", action));
            }
        }
        OffsetDateTime start = instant("from", from, false, errors);
        OffsetDateTime end = instant("to", to, true, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new ApiException.FieldErrorKey("to", "audit.range.reversed"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new AuditTrail.Filter(blankToNull(entityType), blankToNull(entityId), blankToNull(actor), a, start, end);
    }

    /**
     * A bound of the time range: a date is a whole day in Japan time (the {@code to} date
     * included), a date-time with offset an exact instant.
     */
    private static OffsetDateTime instant(String field, String text, boolean end,
            List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        OffsetDateTime at;
        try {
            LocalDate day = LocalDate.parse(t);
            if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
                errors.add(new ApiException.FieldErrorKey(field, "audit.date.outOfRange", t,
                        String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR)));
                return null;
            }
            return (end ? day.plusDays(1) : day).atStartOfDay(AuditDtos.JAPAN).toOffsetDateTime();
        } catch (DateTimeParseException notADate) {
            try {
                at = OffsetDateTime.parse(t);
            } catch (DateTimeParseException notADateTime) {
                errors.add(new ApiException.FieldErrorKey(field, "audit.date.malformed", t));
                return null;
            }
        }
        if (at.getYear() < FIRST_YEAR || at.getYear() > LAST_YEAR) {
            errors.add(new ApiException.FieldErrorKey(field, "audit.date.outOfRange", t,
                        String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR)));
            return null;
        }
        return at;
    }

    /** Dates a database timestamp holds on every supported database, and a person means. */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 9999;

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> csvHeader(Locale l) {
        return List.of("occurredAt", "action", "entityType", "entityId", "actorName", "actorId", "actorMethod", "changes")
                .stream().map(k -> Messages.get(l, "csv.audit." + k)).toList();
    }

    private static List<?> csvRow(AuditEvent e, Locale l) {
        return java.util.Arrays.asList(e.getOccurredAt().atZoneSameInstant(AuditDtos.JAPAN).toOffsetDateTime().toString(),
                e.getAction().label().in(l), e.getEntityType(), e.getEntityId(), e.getActor().name(), e.getActor().id(),
                e.getActor().method(), e.getChanges());
    }
}
