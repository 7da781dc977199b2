package jp.machi.collaboration.grant.interfaces.rest;

import static jp.machi.collaboration.interfaces.rest.QueryParams.blank;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.grant.application.GrantDocuments;
import jp.machi.collaboration.grant.application.GrantPortal;
import jp.machi.collaboration.grant.domain.GrantApplication;
import jp.machi.collaboration.interfaces.rest.QueryParams;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Problems;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.persistence.Tenancy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/grants/public}: applications from the portal by a
 * registered organisation. It asks for a link (registration number or name, and the contact address it
 * registered; the answer is a receipt number whether or not anything matched), opens the form with the
 * link's token, applies once (core's public intake: receipt number, Idempotency-Key, honeypot) and
 * attaches its documents with the same token until the link expires. Tokens travel in the body or in
 * the {@code X-Grant-Link} header, never in the address.
 */
@Path("municipalities/{lgCode}/collaboration/grants/public")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class GrantPortalResource {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    public static final String LINK_HEADER = "X-Grant-Link";

    @Inject
    GrantPortal portal;

    @Inject
    GrantDocuments documents;

    @Inject
    PublicIntake intake;

    @Inject
    ModuleSettings settings;

    @Inject
    Tenancy tenancy;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    public static class LinkRequest {
        /** 団体登録番号, or the organisation's registered name. */
        @NotBlank
        @Size(max = 200)
        public String organisation;

        /** The contact e-mail address the organisation registered. */
        @NotBlank
        @Size(max = 254)
        public String email;

        /** The honeypot: people never see it. */
        @Size(max = 200)
        public String website;
    }

    @JsonbPropertyOrder({"receiptNumber"})
    public record Receipt(String receiptNumber) {
    }

    public static class Token {
        @Size(max = 100)
        public String token;
    }

    @JsonbPropertyOrder({"call", "applicantName", "expiresAt"})
    public record Form(GrantPublicResource.PublicCall call, String applicantName, OffsetDateTime expiresAt) {
    }

    public static class PortalApplication {
        @Size(max = 100)
        public String token;

        @NotBlank
        @Size(max = 200)
        public String projectTitle;

        @NotBlank
        @Size(max = 4000)
        public String plan;

        /** 事業立ち上げ年度. */
        @NotNull
        public FiscalYear startYear;

        @NotNull
        @Min(0)
        @Max(1_000_000_000_000L)
        public Long requestedAmount;

        @NotNull
        @Size(min = 1, max = 50)
        public List<GrantApplicationResource.@NotNull @Valid LineInput> budgetLines;

        @Size(max = 200)
        public String website;
    }

    @JsonbPropertyOrder({"receiptNumber", "projectTitle", "requestedAmount"})
    public record Applied(String receiptNumber, String projectTitle, long requestedAmount) {
    }

    @POST
    @Path("calls/{id}/links")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Ask for a one-time application link (anyone): when the registration number (or registered name) and"
            + " the registered contact address match a registered organisation, the link goes to that address. 201 with a"
            + " receipt number either way; 409 grant-call-closed outside the submission period; Idempotency-Key, rate limit")
    @Answers(value = Receipt.class, status = 201)
    public Response requestLink(@PathParam("id") UUID id, @Valid LinkRequest body) {
        Bodies.require(body);
        String email = body.email.strip();
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("email", "collaboration.partner.emailMalformed")));
        }
        return intake.accept(headers, GrantPortal.LINK_SERIES, body, body.website, in -> {
            portal.requestLink(in, id, body.organisation, email, portalBase());
            return new Receipt(in.receiptNumber());
        });
    }

    @POST
    @Path("application-form")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "What a link opens: the call and the organisation's name (anyone with the token; 404 unknown token,"
            + " 410 expired or used, 409 grant-call-closed)")
    @Answers(Form.class)
    public Form form(@Valid Token body) {
        Bodies.require(body);
        GrantPortal.Opened o = portal.open(body.token);
        Locale l = Problems.locale(headers);
        return new Form(GrantPublicResource.publicCall(o.call(), l), o.partner().getName(),
                QueryParams.japan(o.link().getExpiresAt()));
    }

    @POST
    @Path("applications")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Apply with the link's token (once): project, plan, start-up year, amount requested, budget lines;"
            + " the call's limits as for paper (400, 409 grant-years-exceeded). 201 with a receipt number; Idempotency-Key,"
            + " rate limit, honeypot")
    @Answers(value = Applied.class, status = 201)
    public Response apply(@Valid PortalApplication body) {
        Bodies.require(body);
        GrantApplicationResource.ApplicationInput in = new GrantApplicationResource.ApplicationInput();
        in.partnerId = new UUID(0, 0);
        in.projectTitle = body.projectTitle;
        in.plan = body.plan;
        in.startYear = body.startYear;
        in.requestedAmount = body.requestedAmount;
        in.budgetLines = body.budgetLines;
        GrantApplication.Content content = in.content();
        return intake.accept(headers, GrantPortal.APPLICATION_SERIES, body, body.website, i -> {
            if (i.spam()) {
                return new Applied(i.receiptNumber(), content.projectTitle(), content.requestedAmount());
            }
            GrantApplication a = portal.apply(i, body.token, content);
            return new Applied(a.getReceiptNumber(), a.getProjectTitle(), a.getRequestedAmount());
        });
    }

    @POST
    @Path("applications/attachments")
    @Consumes(MediaType.WILDCARD)
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Attach a document (企画書, 収支予算書 …) to the application sent with the link (token in the"
            + " X-Grant-Link header, until the link expires): the raw file as the body, ?fileName= and ?document= (PDF, images,"
            + " Office, text/CSV; type read from the bytes). 201 with the document; never public afterwards")
    @Answers(value = GrantApplicationResource.DocumentView.class, status = 201)
    public Response attach(@HeaderParam(LINK_HEADER) String token, @QueryParam("fileName") String fileName,
            @QueryParam("document") String document, InputStream body) {
        GrantApplication a = portal.applicationOf(token);
        GrantDocuments.Added added = documents.attach(a, blank(document), fileName, body);
        return Response.status(201).entity(GrantApplicationResource.DocumentView.of(added.document(), added.file()))
                .build();
    }

    /** The module setting grantPortalUrl, or else the address this request came to. */
    String portalBase() {
        String setting = settings.get(tenancy.code(), CollaborationModule.ID, CollaborationModule.GRANT_PORTAL_URL);
        if (setting != null && !setting.isBlank()) {
            return setting.strip();
        }
        java.net.URI b = uri.getBaseUri();
        return b.getScheme() + "://" + b.getRawAuthority();
    }
}
