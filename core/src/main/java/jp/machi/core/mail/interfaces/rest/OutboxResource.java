package jp.machi.core.mail.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Versions;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.mail.application.Outbox;
import jp.machi.core.mail.domain.OutboxMail;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataDisclosure;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/outbox}: the e-mail the municipality sent or is sending
 * (送信メール), for its administrators: status, attempts, the last error; the recipient and body
 * masked unless {@code ?reveal=personal-data} (recorded in the audit trail). A mail given up
 * (FAILED) can be retried.
 */
@Path("municipalities/{lgCode}/outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mail", description = "メール送信 / e-mail outbox")
public class OutboxResource {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Inject
    Outbox outbox;

    @Inject
    PersonalDataDisclosure disclosure;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    /** One mail as administrators see it. */
    @JsonbPropertyOrder({"id", "moduleId", "template", "language", "recipient", "subject", "body", "status", "attempts",
        "lastError", "createdAt", "nextAttemptAt", "sentAt", "anonymisedAt"})
    public record MailView(UUID id, String moduleId, String template, String language,
            @PersonalData(PersonalData.Kind.EMAIL) String recipient, String subject,
            @PersonalData(PersonalData.Kind.FREE_TEXT) String body, OutboxMail.Status status, int attempts,
            String lastError, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt,
            OffsetDateTime anonymisedAt) {

        static MailView of(OutboxMail m) {
            return new MailView(m.getId(), m.getModuleId(), m.getTemplate(), m.getLanguage(), m.getRecipient(),
                    m.getSubject(), m.getBody(), m.getStatus(), m.getAttempts(), m.getLastError(), japan(m.getCreatedAt()),
                    japan(m.getNextAttemptAt()), japan(m.getSentAt()), japan(m.getAnonymisedAt()));
        }
    }

    @GET
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "The outbox, newest first (filter: status PENDING, SENT or FAILED; paged); recipient and body"
            + " masked")
    @Answers(value = MailView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("status") String status) {
        OutboxMail.Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = OutboxMail.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("status", "mail.statusUnknown",
                        status)));
            }
        }
        paging.offset();
        return Response.ok(outbox.list(s, paging).map(MailView::of)).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "One mail; ?reveal=personal-data shows the recipient and body in full (recorded in the"
            + " audit trail)")
    @Answers(MailView.class)
    public Response get(@PathParam("id") UUID id, @QueryParam("reveal") String reveal) {
        boolean full = PersonalDataDisclosure.requested(reveal);
        OutboxMail m = outbox.require(id);
        if (full) {
            disclosure.reveal(m, m.getId());
        }
        return Response.ok(MailView.of(m)).tag(Versions.tag(m.getVersion())).build();
    }

    @POST
    @Path("{id}/retry")
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "Send a failed mail again (If-Match required; 409 unless it is FAILED)")
    @Answers(MailView.class)
    public Response retry(@PathParam("id") UUID id) {
        OutboxMail m = outbox.require(id);
        Versions.requireMatch(request, headers, m.getVersion());
        outbox.retry(m);
        return Response.ok(MailView.of(m)).tag(Versions.tag(m.getVersion())).build();
    }

    private static OffsetDateTime japan(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(JAPAN).toOffsetDateTime();
    }
}
