package jp.machi.promotion.vacanthouse.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Versions;
import jp.machi.core.file.AttachmentEndpoints;
import jp.machi.core.file.domain.StoredFile;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import jp.machi.promotion.vacanthouse.application.VacantHousePhotos;
import jp.machi.promotion.vacanthouse.application.VacantHouseService;
import jp.machi.promotion.vacanthouse.domain.VacantHouse;
import jp.machi.promotion.vacanthouse.domain.VacantHousePhoto;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code …/promotion/vacant-houses/{id}/attachments}: the photos of a property (core's file service).
 * Staff add (JPEG, PNG or WebP, told from the bytes; at most 5 MiB and 20 a property; the metadata
 * taken out), order and caption, and remove them — each with the property's ETag as If-Match, whose
 * version rises; viewers list and download. The portal shows them while the property is published.
 */
@Path("municipalities/{lgCode}/promotion/vacant-houses/{id}/attachments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class VacantHousePhotoResource {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Inject
    VacantHouseService houses;

    @Inject
    VacantHousePhotos photos;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"id", "position", "caption", "fileName", "contentType", "size", "addedAt", "addedBy"})
    public record PhotoView(UUID id, int position, String caption, String fileName, String contentType, long size,
            OffsetDateTime addedAt, String addedBy) {

        static PhotoView of(VacantHousePhoto p, StoredFile f) {
            return new PhotoView(p.getId(), p.getPosition(), p.getCaption(), f.getFileName(), f.getContentType(), f.getSizeBytes(),
                    p.getAddedAt().atZoneSameInstant(JAPAN).toOffsetDateTime(), f.getCreatedBy());
        }
    }

    @JsonbPropertyOrder({"houseId", "photos"})
    public record PhotosView(UUID houseId, List<PhotoView> photos) {
    }

    /** One photo's place: its id and caption (the order of the list is the order shown). */
    public static class PhotoPlace {
        @NotNull
        public UUID id;

        @Size(max = 100)
        public String caption;
    }

    /** Every photo of the property, in the order to show them. */
    public static class PhotosInput {
        @NotNull
        @Size(max = VacantHousePhotos.MAX_PHOTOS)
        public List<@Valid @NotNull PhotoPlace> photos;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Add a photo to a property (If-Match of the property): the raw image as the body, ?fileName= and ?caption="
            + " (up to 100 characters); JPEG, PNG or WebP told from the bytes, at most 5 MiB and 20 a property; EXIF, XMP and"
            + " comments (GPS, names) are taken out before it is stored; 201 with the photo, the property's new ETag")
    @Answers(value = PhotoView.class, status = 201)
    public Response upload(@PathParam("id") UUID id, @QueryParam("fileName") String fileName, @QueryParam("caption") String caption,
            InputStream body) {
        VacantHouse v = houses.require(id);
        Versions.requireMatch(request, headers, v.getVersion());
        String c = caption(caption);
        StoredFile f = photos.add(v, fileName, c, body);
        VacantHousePhoto p = v.getPhotos().stream().filter(x -> x.getId().equals(f.getId())).findFirst().orElseThrow();
        return Response.created(uri.getAbsolutePathBuilder().path(f.getId().toString()).build()).entity(PhotoView.of(p, f))
                .tag(Versions.tag(v.getVersion())).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The photos of a property in their order (caption, file name, type, size; never the bytes); the property's ETag")
    @Answers(PhotosView.class)
    public Response list(@PathParam("id") UUID id) {
        VacantHouse v = houses.require(id);
        return Response.ok(view(v)).tag(Versions.tag(v.getVersion())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(minimum = Role.STAFF)
    @Transactional
    @Extension(name = "x-merge-patch", value = "false")
    @Operation(summary = "Order and caption the photos of a property: {\"photos\":[{\"id\",\"caption\"}…]}, every photo once, first"
            + " shown first (If-Match of the property; no merge patch: the list is sent whole)")
    @Answers(PhotosView.class)
    public Response arrange(@PathParam("id") UUID id, @Valid PhotosInput body) {
        Bodies.require(body);
        VacantHouse v = houses.require(id);
        Versions.requireMatch(request, headers, v.getVersion());
        List<UUID> order = new ArrayList<>();
        Map<UUID, String> captions = new HashMap<>();
        for (PhotoPlace p : body.photos) {
            order.add(p.id);
            captions.put(p.id, caption(p.caption));
        }
        photos.arrange(v, order, captions);
        return Response.ok(view(v)).tag(Versions.tag(v.getVersion())).build();
    }

    @GET
    @Path("{photoId}")
    @Produces(MediaType.WILDCARD)
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "Download a photo of a property (as an attachment, with its type and name; its ETag is the property's"
            + " version, which its removal needs)")
    @Answers(media = "image/*")
    public Response download(@PathParam("id") UUID id, @PathParam("photoId") UUID photoId) {
        VacantHouse v = houses.require(id);
        StoredFile f = photos.file(v, photoId);
        return AttachmentEndpoints.fileDownload(f, photos.content(f), Versions.tag(v.getVersion())).build();
    }

    @DELETE
    @Path("{photoId}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Remove a photo of a property (If-Match of the property)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id, @PathParam("photoId") UUID photoId) {
        VacantHouse v = houses.require(id);
        Versions.requireMatch(request, headers, v.getVersion());
        photos.remove(v, photoId);
        return Response.noContent().tag(Versions.tag(v.getVersion())).build();
    }

    private PhotosView view(VacantHouse v) {
        List<PhotoView> l = new ArrayList<>();
        for (VacantHousePhoto p : v.getPhotos()) {
            l.add(PhotoView.of(p, photos.file(v, p.getId())));
        }
        return new PhotosView(v.getId(), l);
    }

    /** A caption: blank is none; at most 100 characters, no control characters. */
    static String caption(String caption) {
        String c = PromotionParams.blank(caption);
        if (c != null && (c.length() > 100 || c.chars().anyMatch(Character::isISOControl))) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("caption", "promotion.vacantHouse.caption")));
        }
        return c;
    }
}
