package jp.machi.planning.program.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
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
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.planning.program.application.ProgramImportService;
import jp.machi.planning.program.application.ProgramImportService.Report;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/municipalities/{lgCode}/planning/programs/imports}: imports a program list
 * (事務事業一覧) file in the shape of seed 000. The body is the file itself (text/csv,
 * text/tab-separated-values, text/plain, application/octet-stream or any other type), in the
 * charset the Content-Type names, else UTF-8 (with or without BOM) or Shift_JIS as detected, up to
 * the API's 1 MiB; larger files go to {@link ProgramBulkImportResource}, the same import read as a
 * stream.
 */
@Path("municipalities/{lgCode}/planning/programs/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class ProgramImportResource {

    @Inject
    ProgramImportService imports;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"line", "status", "fiscalYear", "serialNumber", "programNumber", "name", "unitName", "unitId",
        "unitMatch", "programId"})
    public record RowView(int line, String status, FiscalYear fiscalYear, Integer serialNumber, String programNumber,
            String name, String unitName, UUID unitId, String unitMatch, UUID programId) {
    }

    @JsonbPropertyOrder({"writtenName", "nameJa", "kind", "parentId", "parentNameJa", "lines", "lineCount", "createdId"})
    public record ProposedUnitView(String writtenName, String nameJa, String kind, UUID parentId, String parentNameJa,
            List<Integer> lines, int lineCount, UUID createdId) {
    }

    /** The report: counts, the first rows ({@code rows}, all of them here; see the bulk import) and the proposed units. */
    @JsonbPropertyOrder({"dryRun", "fiscalYear", "charset", "separator", "rowCount", "imported", "millis", "rows",
        "proposedUnits"})
    public record ReportView(boolean dryRun, FiscalYear fiscalYear, String charset, String separator, int rowCount,
            int imported, long millis, List<RowView> rows, List<ProposedUnitView> proposedUnits) {
        static ReportView of(Report r) {
            return new ReportView(r.dryRun(), r.fiscalYear(), r.charset(), r.separator() == '\t' ? "TAB" : "COMMA",
                    r.rowCount(), r.imported(), r.millis(),
                    r.rows().stream().map(x -> new RowView(x.line(), r.dryRun() ? "VALID" : "IMPORTED", x.fiscalYear(),
                            x.serialNumber(), x.programNumber(), x.name(), x.unitName(), x.unitId(), x.unitMatch().name(),
                            x.programId())).toList(),
                    r.proposedUnits().stream().map(p -> new ProposedUnitView(p.writtenName(), p.nameJa(), p.kind().name(),
                            p.parentId(), p.parentNameJa(), p.lines(), p.lineCount(), p.createdId())).toList());
        }
    }

    @POST
    @Access(minimum = Role.STAFF)
    // Any Content-Type: the body is the file's bytes whatever the client calls it (text/csv,
    // text/tab-separated-values, text/plain, application/octet-stream …); only its charset is used.
    // Refusing other types with 415 would also answer before the access and municipality checks.
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Import a program list file (事務事業一覧, tab or comma separated, UTF-8 or Shift_JIS); "
            + "?fiscalYear= when the title line names none, ?dryRun=true to check only, ?createUnits=true to create "
            + "the proposed units. Any row error: 422 listing every failing row, nothing written")
    @Answers(ReportView.class)
    @Answers(value = ReportView.class, status = 201)
    public Response importFile(byte[] body, @QueryParam("fiscalYear") String fiscalYear,
            @QueryParam("dryRun") String dryRun, @QueryParam("createUnits") String createUnits) {
        // Within the API's 1 MiB a file has at most some thousands of rows: the report lists every one.
        return run(imports, headers, uri, new ByteArrayInputStream(body == null ? new byte[0] : body), fiscalYear, dryRun,
                createUnits, Integer.MAX_VALUE);
    }

    /** Runs an import of {@code body} and answers with its report: 200 for a dry run, else 201 naming the programs' list. */
    static Response run(ProgramImportService imports, HttpHeaders headers, UriInfo uri, InputStream body, String fiscalYear,
            String dryRun, String createUnits, int preview) {
        boolean dry = flag("dryRun", dryRun);
        boolean create = flag("createUnits", createUnits);
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? null : FiscalYear.parse(fiscalYear);
        MediaType type = headers.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        Report report = imports.importFile(body, new ProgramImportService.Options(charset, fy, dry, create, preview));
        ReportView view = ReportView.of(report);
        if (dry) {
            return Response.ok(view).build();
        }
        var location = uri.getBaseUriBuilder().path("municipalities/{lg}/planning/programs")
                .resolveTemplate("lg", uri.getPathParameters().getFirst("lgCode"));
        if (report.fiscalYear() != null) {
            location.queryParam("fiscalYear", report.fiscalYear().startYear());
        }
        return Response.created(location.build()).entity(view).build();
    }

    static boolean flag(String name, String text) {
        if (text == null || text.isBlank() || "false".equalsIgnoreCase(text.strip())) {
            return false;
        }
        if ("true".equalsIgnoreCase(text.strip())) {
            return true;
        }
        throw ApiException.invalid(List.of(new ApiException.FieldErrorKey(name, "planning.flag.invalid", text)));
    }
}
