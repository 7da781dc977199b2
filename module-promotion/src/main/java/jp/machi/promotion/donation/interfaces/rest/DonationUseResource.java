package jp.machi.promotion.donation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import jp.machi.promotion.donation.application.DonationUseService;
import jp.machi.promotion.donation.domain.DonationUse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/municipalities/{lgCode}/promotion/donation-uses}: 寄附金の使途 (hometown-tax donations). */
@Path("municipalities/{lgCode}/promotion/donation-uses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class DonationUseResource {

    @Inject
    DonationUseService uses;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "name", "description", "active", "sortOrder"})
    public record UseView(UUID id, String name, String description, boolean active, int sortOrder) {
    }

    static UseView view(DonationUse u) {
        return new UseView(u.getId(), u.getName(), u.getDescription(), u.isActive(), u.getSortOrder());
    }

    /** A use as sent on create and update. */
    public static class UseInput {
        @NotBlank
        @Size(max = 200)
        public String name;

        @Size(max = 2000)
        public String description;

        /** Offered to donors now; true when left out. */
        public Boolean active;

        @Min(0)
        @Max(9999)
        @Digits(integer = 4, fraction = 0)
        public BigDecimal sortOrder;

        int order() {
            return sortOrder == null ? 0 : sortOrder.intValueExact();
        }

        String cleanDescription() {
            return description == null || description.isBlank() ? null : description.strip();
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List the uses donors choose from (?active=true|false, ?q= text in name or description; ?sort= sortOrder,"
            + " name; paged in the database; CSV with ?format=csv or Accept: text/csv, streamed)")
    @Answers(value = UseView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("active") String active, @QueryParam("q") String q, @QueryParam("sort") String sort) {
        Boolean a = Params.bool("active", active);
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<DonationUse> found = uses.list(a, q, DonationUseService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            String yes = Messages.get(l, "promotion.csv.yes");
            String no = Messages.get(l, "promotion.csv.no");
            return Csv.stream("donation-uses.csv",
                    List.of("sortOrder", "name", "description", "active").stream()
                            .map(k -> Messages.get(l, "promotion.csv.use." + k)).toList(),
                    exports.of(found, DonationUseResource::view),
                    v -> Arrays.asList(v.sortOrder(), v.name(), v.description(), v.active() ? yes : no));
        }
        return Response.ok(found.page(paging).map(DonationUseResource::view)).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Add a use (names are unique in the municipality)")
    @Answers(value = UseView.class, status = 201)
    public Response create(@Valid UseInput body) {
        Bodies.require(body);
        DonationUse u = uses.create(body.name.strip(), body.cleanDescription(), body.active == null || body.active,
                body.order());
        return Response.created(uri.getAbsolutePathBuilder().path(u.getId().toString()).build())
                .tag(Versions.tag(u.getVersion())).entity(view(u)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One use")
    @Answers(UseView.class)
    public Response get(@PathParam("id") UUID id) {
        DonationUse u = uses.require(id);
        return Response.ok(view(u)).tag(Versions.tag(u.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a use (If-Match required)")
    @Answers(UseView.class)
    public Response update(@PathParam("id") UUID id, @Valid UseInput body) {
        Bodies.require(body);
        DonationUse u = uses.require(id);
        Versions.requireMatch(request, headers, u.getVersion());
        uses.revise(u, body.name.strip(), body.cleanDescription(), body.active == null || body.active,
                body.order());
        return Response.ok(view(u)).tag(Versions.tag(u.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a use (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        DonationUse u = uses.require(id);
        Versions.requireMatch(request, headers, u.getVersion());
        uses.delete(u);
        return Response.noContent().build();
    }
}
