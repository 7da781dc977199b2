package jp.machi.engagement.voice.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.io.InputStream;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.file.AttachmentEndpoints;
import jp.machi.core.file.AttachmentEndpoints.AttachmentView;
import jp.machi.core.file.AttachmentOwner;
import jp.machi.core.file.FilePolicy;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.engagement.voice.application.VoiceAttachments;
import jp.machi.engagement.voice.application.VoiceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code …/engagement/voices/{id}/attachments}: the scanned letter, petition or photo of a citizen
 * voice. Staff attach and delete, viewers read. The files are personal data (a resident's record):
 * no public endpoint shows them, and the voice's anonymisation deletes them.
 */
@Path("municipalities/{lgCode}/engagement/voices/{id}/attachments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class VoiceAttachmentResource {

    @Inject
    VoiceService voices;

    @Inject
    AttachmentEndpoints endpoints;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Attach a file to a citizen voice: the raw file as the body, its name in ?fileName= (PDF,"
            + " images, Office, text/CSV; type read from the bytes; size limit MACHI_FILES_MAX_BYTES)")
    @Answers(value = AttachmentEndpoints.AttachmentView.class, status = 201)
    public Response upload(@PathParam("id") UUID id, @QueryParam("fileName") String fileName, InputStream body) {
        return endpoints.upload(owner(id), VoiceAttachments.POLICY, fileName, body, uri);
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The files attached to a citizen voice, oldest first (paged; never their bytes)")
    @Answers(value = AttachmentView.class, page = true)
    public Page<AttachmentView> list(@PathParam("id") UUID id, @BeanParam PageRequest paging) {
        return endpoints.list(owner(id), paging);
    }

    @GET
    @Path("{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "Download an attached file (as an attachment, with its detected type and name)")
    @Answers(media = MediaType.WILDCARD)
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return endpoints.download(owner(id), attachmentId, request);
    }

    @DELETE
    @Path("{attachmentId}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Remove an attached file (If-Match required)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return endpoints.delete(owner(id), attachmentId, request, headers);
    }

    /** The voice's files; 404 when the voice is not this municipality's. */
    private AttachmentOwner owner(UUID voiceId) {
        return VoiceAttachments.owner(voices.require(voiceId).getId());
    }
}
