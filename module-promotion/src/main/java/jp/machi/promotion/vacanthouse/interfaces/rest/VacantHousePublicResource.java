package jp.machi.promotion.vacanthouse.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
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
import jp.machi.core.api.Answers;
import jp.machi.core.api.Versions;
import jp.machi.core.file.AttachmentEndpoints;
import jp.machi.core.file.domain.StoredFile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.identity.Access;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.vacanthouse.application.VacantHousePhotos;
import jp.machi.promotion.vacanthouse.application.VacantHouseService;
import jp.machi.promotion.vacanthouse.domain.DealType;
import jp.machi.promotion.vacanthouse.domain.VacantHouse;
import jp.machi.promotion.vacanthouse.domain.VacantHouseState;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/public/vacant-houses}: the vacant-house bank on the
 * portal — published properties (and those in negotiation, marked 交渉中) with what the portal may
 * show. A separate view without the owner: no name, address, phone or e-mail ever leaves here; any
 * other property answers 404 exactly like a missing one.
 */
@Path("municipalities/{lgCode}/promotion/public/vacant-houses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class VacantHousePublicResource {

    @Inject
    VacantHouseService houses;

    @Inject
    VacantHousePhotos photos;

    @Context
    HttpHeaders headers;

    @Context
    jakarta.ws.rs.core.Request request;

    @PathParam("lgCode")
    String lgCode;

    @JsonbPropertyOrder({"id", "title", "area", "dealType", "dealTypeLabel", "rent", "price", "layout", "floorArea", "landArea",
        "builtYear", "description", "negotiating", "publishedOn", "photos"})
    public record PublicHouse(UUID id, String title, String area, String dealType, String dealTypeLabel, Long rent, Long price,
            String layout, BigDecimal floorArea, BigDecimal landArea, Integer builtYear, String description, boolean negotiating,
            LocalDate publishedOn, List<PublicPhoto> photos) {
    }

    /** A photo as the portal shows it: where to fetch it and its caption (never the file's name, which staff gave). */
    @JsonbPropertyOrder({"id", "caption", "url"})
    public record PublicPhoto(UUID id, String caption, String url) {
    }

    PublicHouse view(VacantHouse v) {
        Locale l = Problems.locale(headers);
        return new PublicHouse(v.getId(), v.getTitle(), v.getArea(), v.getDealType().name(),
                VacantHouseResource.dealLabel(l, v.getDealType()), v.getRent(), v.getPrice(), v.getLayout(), v.getFloorArea(),
                v.getLandArea(), v.getBuiltYear(), v.getDescription(), v.getState() == VacantHouseState.NEGOTIATING,
                v.getPublishedOn(), v.getPhotos().stream().map(p -> new PublicPhoto(p.getId(), p.getCaption(),
                        "/api/v1/municipalities/" + lgCode + "/promotion/public/vacant-houses/" + v.getId() + "/photos/" + p.getId()))
                        .toList());
    }

    @GET
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "The published properties, newest first (?dealType=RENT|SALE|RENT_OR_SALE; ?sort= publishedOn, rent, price;"
            + " paged in the database); never the owner")
    @Answers(value = PublicHouse.class, page = true)
    public Page<PublicHouse> list(@BeanParam PageRequest paging, @QueryParam("dealType") String dealType,
            @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        DealType d = PromotionParams.code(DealType.class, "dealType", dealType, "promotion.dealType.unknown", errors);
        PromotionParams.throwIfAny(errors);
        paging.offset();
        return houses.published(d, VacantHouseService.PUBLIC_SORT.parse(sort)).page(paging).map(this::view);
    }

    @GET
    @Access(Access.Level.PUBLIC)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One published property (404 for any other); never the owner")
    @Answers(PublicHouse.class)
    public PublicHouse get(@PathParam("id") UUID id) {
        return view(houses.requirePublished(id));
    }

    @GET
    @Access(Access.Level.PUBLIC)
    @Path("{id}/photos/{photoId}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "A photo of a published property (404 for any other property, or once it is no longer published);"
            + " its metadata was taken out on upload")
    @Answers(media = "image/*")
    public Response photo(@PathParam("id") UUID id, @PathParam("photoId") UUID photoId) {
        VacantHouse v = houses.requirePublished(id);
        StoredFile f = photos.file(v, photoId);
        jakarta.ws.rs.core.EntityTag tag = Versions.tag(f.getVersion());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).header("Cache-Control", "no-cache").build();
        }
        return AttachmentEndpoints.publicImage(f, photos.content(f), tag).build();
    }
}
