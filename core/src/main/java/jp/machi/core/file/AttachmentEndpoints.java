package jp.machi.core.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Versions;
import jp.machi.core.file.domain.StoredFile;

/**
 * The REST side of a record's attachments, so that a module exposes {@code …/{record}/attachments}
 * in a few lines: it finds its record (404 if absent), makes the {@link AttachmentOwner} and
 * delegates. The resource method carries the {@code @Access} rule and {@code @Transactional}.
 *
 * <pre>{@code
 * @POST @Consumes(MediaType.WILDCARD) @Access(minimum = Role.STAFF) @Transactional
 * public Response upload(@PathParam("id") UUID id, @QueryParam("fileName") String fileName, InputStream body) {
 *     return endpoints.upload(owner(voices.require(id)), POLICY, fileName, body, uriInfo);
 * }
 * }</pre>
 *
 * An upload is the raw file as the request body (any Content-Type: the type is read from the bytes)
 * with its name in {@code ?fileName=}. Its path must end in {@code /attachments}: the general 1 MiB
 * request limit gives way there to the files' own limit ({@link FilePolicy#limit()}).
 */
@ApplicationScoped
public class AttachmentEndpoints {

    /** Upload paths end so; the request size limit leaves them to {@link FilePolicy}. */
    public static final String PATH_SUFFIX = "/attachments";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Inject
    Attachments attachments;

    /** A stored file as listed: never its bytes. */
    @JsonbPropertyOrder({"id", "fileName", "contentType", "kind", "size", "sha256", "personalData", "createdAt",
        "createdBy", "version"})
    public record AttachmentView(UUID id, String fileName, String contentType, FileKind kind, long size, String sha256,
            boolean personalData, OffsetDateTime createdAt, String createdBy, long version) {

        public static AttachmentView of(StoredFile f) {
            return new AttachmentView(f.getId(), f.getFileName(), f.getContentType(), f.getKind(), f.getSizeBytes(),
                    f.getSha256(), f.isPersonalData(), f.getCreatedAt().atZoneSameInstant(JAPAN).toOffsetDateTime(),
                    f.getCreatedBy(), f.getVersion());
        }
    }

    /** 201 with the stored file's view, its {@code Location} (the download) and ETag. */
    public Response upload(AttachmentOwner owner, FilePolicy policy, String fileName, InputStream body, UriInfo uri) {
        StoredFile f = attachments.store(owner, fileName, body, policy);
        return Response.created(uri.getAbsolutePathBuilder().path(f.getId().toString()).build())
                .entity(AttachmentView.of(f)).tag(Versions.tag(f.getVersion())).build();
    }

    public Page<AttachmentView> list(AttachmentOwner owner, PageRequest paging) {
        return attachments.list(owner, paging).map(AttachmentView::of);
    }

    /**
     * The bytes with the detected type, {@code Content-Disposition: attachment} with the name in
     * UTF-8 and an ASCII fallback, {@code nosniff}, a sandboxing CSP, the length and the ETag
     * ({@code If-None-Match} → 304).
     */
    public Response download(AttachmentOwner owner, UUID id, Request request) {
        StoredFile f = attachments.require(owner, id);
        EntityTag tag = Versions.tag(f.getVersion());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        return fileDownload(f, attachments.content(f), tag).build();
    }

    /**
     * A stored file's bytes as a download for staff: its detected type, {@code Content-Disposition:
     * attachment} with its name in UTF-8 and an ASCII fallback, {@code nosniff}, a sandboxing CSP,
     * {@code private, no-cache}, the length and {@code tag}. For records whose files are not
     * {@link AttachmentOwner attachments} of their own (a module's documents or photos, whose ETag is
     * the record's version).
     */
    public static Response.ResponseBuilder fileDownload(StoredFile f, byte[] bytes, EntityTag tag) {
        return bytes(f, bytes, tag, FileNames.contentDisposition(f.getFileName()), "private, no-cache");
    }

    /**
     * A stored image shown on a public page: {@code inline}, never the file's name, {@code nosniff}, the
     * sandboxing CSP, {@code no-cache} (revalidated with {@code tag}), the length.
     */
    public static Response.ResponseBuilder publicImage(StoredFile f, byte[] bytes, EntityTag tag) {
        return bytes(f, bytes, tag, "inline", "no-cache");
    }

    private static Response.ResponseBuilder bytes(StoredFile f, byte[] bytes, EntityTag tag, String disposition,
            String cacheControl) {
        return Response.ok(bytes, f.getContentType())
                .header("Content-Disposition", disposition)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", cacheControl)
                .header(HttpHeaders.CONTENT_LENGTH, bytes.length)
                .tag(tag);
    }

    /** Deletes the file (If-Match required: 428 without, 412 stale); 204. */
    public Response delete(AttachmentOwner owner, UUID id, Request request, HttpHeaders headers) {
        StoredFile f = attachments.require(owner, id);
        Versions.requireMatch(request, headers, f.getVersion());
        attachments.delete(f);
        return Response.noContent().build();
    }
}
