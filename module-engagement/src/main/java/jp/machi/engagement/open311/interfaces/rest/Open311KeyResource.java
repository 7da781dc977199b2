package jp.machi.engagement.open311.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Versions;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.engagement.open311.application.Open311Keys;
import jp.machi.engagement.open311.domain.Open311Key;
import jp.machi.engagement.voice.application.VoiceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/engagement/open311-keys}: the {@code api_key}s of the
 * municipality's Open311 clients, issued and revoked by its administrators. The secret is in the
 * answer to the POST and nowhere else; only its SHA-256 is kept.
 */
@Path("municipalities/{lgCode}/engagement/open311-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
@Access(minimum = Role.MUNICIPALITY_ADMIN)
public class Open311KeyResource {

    @Inject
    Open311Keys keys;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "name", "keyPrefix", "createdAt", "createdBy", "lastUsedAt", "revokedAt", "revoked",
        "version"})
    public record KeyView(UUID id, String name, String keyPrefix, OffsetDateTime createdAt, String createdBy,
            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, boolean revoked, long version) {
        static KeyView of(Open311Key k) {
            return new KeyView(k.getId(), k.getName(), k.getKeyPrefix(), japan(k.getCreatedAt()), k.getCreatedBy(),
                    japan(k.getLastUsedAt()), japan(k.getRevokedAt()), k.isRevoked(), k.getVersion());
        }
    }

    /** A key just issued: the secret ({@code apiKey}) is shown here only. */
    @JsonbPropertyOrder({"id", "name", "keyPrefix", "createdAt", "apiKey"})
    public record IssuedKeyView(UUID id, String name, String keyPrefix, OffsetDateTime createdAt, String apiKey) {
    }

    public static class NewKey {
        /** Who the key is for (the client application). */
        @NotBlank
        @Size(max = 100)
        public String name;
    }

    @GET
    @Transactional
    @Operation(summary = "The municipality's Open311 api_keys, revoked ones included (never their secrets; ?sort="
            + " createdAt, name, lastUsedAt; paged in the database; municipality administrators)")
    @Answers(value = KeyView.class, page = true)
    public Page<KeyView> list(@BeanParam PageRequest paging, @QueryParam("sort") String sort) {
        paging.offset();
        return keys.list(Open311Keys.SORT.parse(sort)).page(paging).map(KeyView::of);
    }

    @POST
    @Transactional
    @Operation(summary = "Issue an Open311 api_key {name}: the secret (o311_…) is in this answer only")
    @Answers(value = IssuedKeyView.class, status = 201)
    public Response issue(@Valid NewKey body) {
        Bodies.require(body);
        String issuer = CallerContext.current().map(Caller::name).orElse(null);
        Open311Keys.Issued issued = keys.issue(body.name.strip(), issuer);
        Open311Key k = issued.key();
        return Response.created(uri.getAbsolutePathBuilder().path(k.getId().toString()).build())
                .header("Cache-Control", "no-store").tag(Versions.tag(k.getVersion()))
                .entity(new IssuedKeyView(k.getId(), k.getName(), k.getKeyPrefix(), japan(k.getCreatedAt()),
                        issued.secret())).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One Open311 api_key (never its secret; ETag for If-Match)")
    @Answers(KeyView.class)
    public Response get(@PathParam("id") UUID id) {
        Open311Key k = keys.require(id);
        return Response.ok(KeyView.of(k)).tag(Versions.tag(k.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revoke an Open311 api_key (If-Match required): refused (403) from now on; it stays listed;"
            + " 409 if revoked already")
    @Answers(KeyView.class)
    public Response revoke(@PathParam("id") UUID id) {
        Open311Key k = keys.require(id);
        Versions.requireMatch(request, headers, k.getVersion());
        keys.revoke(k);
        return Response.ok(KeyView.of(k)).tag(Versions.tag(k.getVersion())).build();
    }

    private static OffsetDateTime japan(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(VoiceService.JAPAN).toOffsetDateTime();
    }
}
