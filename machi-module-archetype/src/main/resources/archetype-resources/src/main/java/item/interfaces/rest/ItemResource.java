package ${package}.item.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import ${package}.item.application.ItemReviewWorkflow;
import ${package}.item.application.ItemService;
import ${package}.item.domain.Item;
import ${package}.item.domain.ItemState;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Csv;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.persistence.Exports;
import jp.machi.core.persistence.ListQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/${moduleId}/items}: the items, for staff. Reads need VIEWER, writes STAFF
 * (every method has its {@code @Access} rule: one without answers 403 to everyone). Updates and deletes need
 * {@code If-Match} with the item's ETag: 428 without, 412 when someone changed it first. Residents send items
 * from the portal ({@link PublicItemResource}); a reviewer decides on them ({@link ItemReviewResource}).
 */
@Path("municipalities/{lgCode}/${moduleId}/items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "${moduleId}")
public class ItemResource {

    /** The longest {@code ?q=} searched for. */
    static final int QUERY_MAX = 200;

    @Inject
    ItemService items;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    /**
     * An item as staff see it. The contact is @PersonalData: core masks it in every response (y***@example.jp) and
     * CSV; a resource that must show it in full asks core's PersonalDataDisclosure, which records who looked.
     */
    @JsonbPropertyOrder({"id", "fiscalYear", "title", "note", "state", "stateLabel", "receiptNumber", "contactEmail",
        "spam", "version"})
    public record ItemView(UUID id, FiscalYear fiscalYear, String title, String note, ItemState state,
            String stateLabel, String receiptNumber, @PersonalData(PersonalData.Kind.EMAIL) String contactEmail,
            boolean spam, long version) {
        static ItemView of(Item i, Locale l) {
            return new ItemView(i.getId(), i.getFiscalYear(), i.getTitle(), i.getNote(), i.getState(),
                    ItemReviewWorkflow.DEFINITION.stateOf(i).label().in(l), i.getReceiptNumber(), i.getContactEmail(),
                    i.isSpam(), i.getVersion());
        }
    }

    /** An item as sent on create and update; every field bounded by its column. */
    public static class ItemInput {
        @NotNull
        public FiscalYear fiscalYear;

        @NotBlank
        @Size(max = Item.TITLE_MAX)
        public String title;

        @Size(max = Item.NOTE_MAX)
        public String note;

        Item.Content content() {
            return new Item.Content(fiscalYear, title, note);
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List items (?fiscalYear=, ?state= SUBMITTED|ACCEPTED|REJECTED, ?q= in the title, ?sort="
            + " fiscalYear, title, receiptNumber; paged in the database; CSV with ?format=csv, streamed); contacts masked")
    @Answers(value = ItemView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("state") String state, @QueryParam("q") String q,
            @QueryParam("sort") String sort) {
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? null : FiscalYear.parse(fiscalYear);
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        ItemState st = null;
        if (state != null && !state.isBlank()) {
            try {
                st = ItemState.valueOf(state.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new ApiException.FieldErrorKey("state", "${moduleId}.state.unknown", "SUBMITTED, ACCEPTED, REJECTED"));
            }
        }
        if (q != null && q.length() > QUERY_MAX) {
            errors.add(new ApiException.FieldErrorKey("q", "${moduleId}.query.tooLong", QUERY_MAX));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<Item> found = items.list(fy, st, q, ItemService.SORT.parse(sort));
        Locale l = Problems.locale(headers);
        if (csv) {
            return Csv.stream("${moduleId}-items.csv",
                    List.of("fiscalYear", "title", "note", "state", "receiptNumber").stream()
                            .map(k -> Messages.get(l, "${moduleId}.csv." + k)).toList(),
                    exports.of(found, i -> ItemView.of(i, l)),
                    v -> Arrays.asList(v.fiscalYear().label(l), v.title(), v.note(), v.stateLabel(), v.receiptNumber()));
        }
        return Response.ok(found.page(paging).map(i -> ItemView.of(i, l))).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register an item")
    @Answers(value = ItemView.class, status = 201)
    public Response create(@Valid ItemInput body) {
        Bodies.require(body);
        Item i = items.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(i.getId().toString()).build())
                .tag(Versions.tag(i.getVersion())).entity(ItemView.of(i, Problems.locale(headers))).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One item, with its ETag")
    @Answers(ItemView.class)
    public Response get(@PathParam("id") UUID id) {
        Item i = items.require(id);
        return Response.ok(ItemView.of(i, Problems.locale(headers))).tag(Versions.tag(i.getVersion())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise an item (If-Match required)")
    @Answers(ItemView.class)
    public Response update(@PathParam("id") UUID id, @Valid ItemInput body) {
        Bodies.require(body);
        Item i = items.require(id);
        Versions.requireMatch(request, headers, i.getVersion());
        items.revise(i, body.content());
        return Response.ok(ItemView.of(i, Problems.locale(headers))).tag(Versions.tag(i.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete an item (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        Item i = items.require(id);
        Versions.requireMatch(request, headers, i.getVersion());
        items.delete(i);
        return Response.noContent().build();
    }
}
