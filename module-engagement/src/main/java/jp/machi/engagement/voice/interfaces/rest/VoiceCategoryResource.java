package jp.machi.engagement.voice.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
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
import jp.machi.engagement.voice.application.VoiceCategoryService;
import jp.machi.engagement.voice.domain.VoiceCategory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/engagement/voice-categories}: the municipality's categories
 * of citizen voices. Municipality administrators keep them; staff read them; anyone reads the
 * active ones (the portal's voice form offers them). Those open to Open311 are the services of
 * the municipality's Open311 GeoReport v2 endpoint ({@code Open311Resource}).
 */
@Path("municipalities/{lgCode}/engagement/voice-categories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class VoiceCategoryResource {

    @Inject
    VoiceCategoryService categories;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "code", "nameJa", "nameEn", "description", "groupName", "sortOrder", "active", "open311",
        "version"})
    public record CategoryView(UUID id, String code, String nameJa, String nameEn, String description, String groupName,
            int sortOrder, boolean active, boolean open311, long version) {
        static CategoryView of(VoiceCategory c) {
            return new CategoryView(c.getId(), c.getCode(), c.getNameJa(), c.getNameEn(), c.getDescription(),
                    c.getGroupName(), c.getSortOrder(), c.isActive(), c.isOpen311(), c.getVersion());
        }
    }

    /** An active category as the portal's voice form offers it. */
    @JsonbPropertyOrder({"id", "nameJa", "nameEn", "groupName"})
    public record PublicCategoryView(UUID id, String nameJa, String nameEn, String groupName) {
    }

    /** A category as an administrator writes it. */
    public static class CategoryBody {
        @NotBlank
        @Size(max = 40)
        @Pattern(regexp = VoiceCategory.CODE_PATTERN)
        public String code;

        @NotBlank
        @Size(max = 100)
        public String nameJa;

        @Size(max = 100)
        public String nameEn;

        @Size(max = 1000)
        public String description;

        @Size(max = 100)
        public String groupName;

        @Min(0)
        @Max(9999)
        public Integer sortOrder;

        /** Offered for new voices (default true). */
        public Boolean active;

        /** A service of the Open311 endpoint (default false). */
        public Boolean open311;

        VoiceCategory.Fields fields() {
            return new VoiceCategory.Fields(code.strip(), nameJa.strip(), blankToNull(nameEn), blankToNull(description),
                    blankToNull(groupName), sortOrder == null ? 0 : sortOrder, active == null || active,
                    Boolean.TRUE.equals(open311));
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "The municipality's categories of citizen voices, in its order (filters: active, open311 ="
            + " true/false; ?sort= sortOrder, code, nameJa, groupName, - for descending; paged in the database; CSV with"
            + " ?format=csv)")
    @Answers(value = CategoryView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("active") String active, @QueryParam("open311") String open311, @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Boolean a = bool("active", active, errors);
        Boolean o = bool("open311", open311, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        ListQuery<VoiceCategory> query = categories.list(new VoiceCategoryService.Filter(a, o),
                VoiceCategoryService.SORT.parse(sort));
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("voice-categories.csv",
                    List.of("code", "nameJa", "nameEn", "description", "groupName", "sortOrder", "active", "open311")
                            .stream().map(k -> Messages.get(l, "engagement.csv.category." + k)).toList(),
                    exports.of(query, CategoryView::of), c -> Arrays.asList(c.code(), c.nameJa(), c.nameEn(),
                            c.description(), c.groupName(), c.sortOrder(), c.active(), c.open311()));
        }
        return Response.ok(query.page(paging).map(CategoryView::of)).build();
    }

    @GET
    @Path("public")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "The active categories, in the municipality's order, as the portal's voice form offers them"
            + " (anyone)")
    @Answers(value = PublicCategoryView.class, list = true)
    public List<PublicCategoryView> offered() {
        return categories.list(new VoiceCategoryService.Filter(true, null), VoiceCategoryService.SORT.parse(null))
                .list(0, 500).stream()
                .map(c -> new PublicCategoryView(c.getId(), c.getNameJa(), c.getNameEn(), c.getGroupName())).toList();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One category (ETag for If-Match)")
    @Answers(CategoryView.class)
    public Response get(@PathParam("id") UUID id) {
        VoiceCategory c = categories.require(id);
        return Response.ok(CategoryView.of(c)).tag(Versions.tag(c.getVersion())).build();
    }

    @POST
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "Add a category {code, nameJa, nameEn?, description?, groupName?, sortOrder?, active?, open311?}"
            + " (municipality administrators; code unique in the municipality: 409)")
    @Answers(value = CategoryView.class, status = 201)
    public Response create(@Valid CategoryBody body) {
        Bodies.require(body);
        VoiceCategory c = categories.create(body.fields());
        return Response.created(uri.getAbsolutePathBuilder().path(c.getId().toString()).build())
                .entity(CategoryView.of(c)).tag(Versions.tag(c.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "Change a category (municipality administrators; If-Match required)")
    @Answers(CategoryView.class)
    public Response update(@PathParam("id") UUID id, @Valid CategoryBody body) {
        Bodies.require(body);
        VoiceCategory c = categories.require(id);
        Versions.requireMatch(request, headers, c.getVersion());
        categories.update(c, body.fields());
        return Response.ok(CategoryView.of(c)).tag(Versions.tag(c.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "Delete a category no voice carries (municipality administrators; If-Match required; 409 when"
            + " voices carry it: deactivate it instead)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        VoiceCategory c = categories.require(id);
        Versions.requireMatch(request, headers, c.getVersion());
        categories.delete(c);
        return Response.noContent().build();
    }

    static Boolean bool(String name, String value, List<ApiException.FieldErrorKey> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if ("true".equalsIgnoreCase(value.strip())) {
            return true;
        }
        if ("false".equalsIgnoreCase(value.strip())) {
            return false;
        }
        errors.add(new ApiException.FieldErrorKey(name, "engagement.voice.booleanExpected", value));
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
