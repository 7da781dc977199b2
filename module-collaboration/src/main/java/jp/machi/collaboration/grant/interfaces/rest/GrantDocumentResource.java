package jp.machi.collaboration.grant.interfaces.rest;

import static jp.machi.collaboration.interfaces.rest.QueryParams.blank;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.List;
import java.util.UUID;
import jp.machi.collaboration.grant.application.GrantDocuments;
import jp.machi.collaboration.grant.application.GrantService;
import jp.machi.collaboration.grant.domain.GrantApplication;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Versions;
import jp.machi.core.file.AttachmentEndpoints;
import jp.machi.core.file.domain.StoredFile;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code …/collaboration/grants/applications/{id}/attachments}: the documents of a grant application
 * (企画書, 収支予算書 …) in core's file service. Staff attach and remove them (If-Match on the
 * application, whose version rises), viewers list and download; no public endpoint shows them.
 */
@Path("municipalities/{lgCode}/collaboration/grants/applications/{id}/attachments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class GrantDocumentResource {

    @Inject
    GrantService grants;

    @Inject
    GrantDocuments documents;

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
    @Operation(summary = "Attach a document to a grant application (If-Match of the application): the raw file as the body,"
            + " ?fileName= and ?document= (one of the call's required documents, or another; PDF, images, Office, text/CSV,"
            + " type read from the bytes); 201 with the document, the application's new ETag")
    @Answers(value = GrantApplicationResource.DocumentView.class, status = 201)
    public Response upload(@PathParam("id") UUID id, @QueryParam("fileName") String fileName,
            @QueryParam("document") String document, InputStream body) {
        GrantApplication a = grants.requireApplication(id);
        Versions.requireMatch(request, headers, a.getVersion());
        GrantDocuments.Added added = documents.attach(a, blank(document), fileName, body);
        return Response.created(uri.getAbsolutePathBuilder().path(added.file().getId().toString()).build())
                .entity(GrantApplicationResource.DocumentView.of(added.document(), added.file()))
                .tag(Versions.tag(a.getVersion())).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The documents of a grant application (which document, file name, type, size; never the bytes)")
    @Answers(value = GrantApplicationResource.DocumentView.class, list = true)
    public List<GrantApplicationResource.DocumentView> list(@PathParam("id") UUID id) {
        GrantApplication a = grants.requireApplication(id);
        return a.getDocuments().stream().map(d -> GrantApplicationResource.DocumentView.of(d,
                documents.file(a, d.getFileId()))).toList();
    }

    @GET
    @Path("{fileId}")
    @Produces(MediaType.WILDCARD)
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "Download a document of a grant application (as an attachment, with its detected type and name;"
            + " its ETag is the application's version, which its removal needs)")
    @Answers(media = MediaType.WILDCARD)
    public Response download(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        GrantApplication a = grants.requireApplication(id);
        StoredFile f = documents.file(a, fileId);
        return AttachmentEndpoints.fileDownload(f, documents.content(f), Versions.tag(a.getVersion())).build();
    }

    @DELETE
    @Path("{fileId}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Remove a document of a grant application before the decision (If-Match of the application)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        GrantApplication a = grants.requireApplication(id);
        Versions.requireMatch(request, headers, a.getVersion());
        documents.remove(a, fileId);
        return Response.noContent().tag(Versions.tag(a.getVersion())).build();
    }
}
