package jp.machi.planning.program.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import jp.machi.core.api.Answers;
import jp.machi.core.api.BulkImports;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.planning.program.application.ProgramImportService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/municipalities/{lgCode}/planning/programs/bulk-imports}: the program list
 * import of {@link ProgramImportResource} for large files (100,000 rows and more), read as it
 * streams, up to {@code machi.api.max-import-bytes} (64 MiB by default, see {@link BulkImports}).
 * The report counts every row and lists the first {@code ?preview=} (100 by default, at most 1,000),
 * as it does each proposed unit's lines.
 */
@Path("municipalities/{lgCode}/planning/programs" + BulkImports.PATH_SUFFIX)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class ProgramBulkImportResource {

    @Inject
    ProgramImportService imports;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @POST
    @Access(minimum = Role.STAFF)
    // Any Content-Type: the body is the file's bytes whatever the client calls it; only its charset is used.
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Import a large program list file (事務事業一覧, tab or comma separated, UTF-8 or Shift_JIS) read as a"
            + " stream; ?fiscalYear= when the title line names none, ?dryRun=true to check only, ?createUnits=true to create"
            + " the proposed units, ?preview= rows in the report (0–1000, default 100). Any row error: 422 naming the failing"
            + " rows (the first 200 errors), nothing written. Up to machi.api.max-import-bytes (64 MiB by default)")
    @Answers(ProgramImportResource.ReportView.class)
    @Answers(value = ProgramImportResource.ReportView.class, status = 201)
    public Response importFile(InputStream body, @QueryParam("fiscalYear") String fiscalYear,
            @QueryParam("dryRun") String dryRun, @QueryParam("createUnits") String createUnits,
            @QueryParam("preview") String preview) {
        return ProgramImportResource.run(imports, headers, uri, body == null ? InputStream.nullInputStream() : body,
                fiscalYear, dryRun, createUnits, BulkImports.preview(preview));
    }
}
