package jp.machi.planning.evaluation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.planning.evaluation.application.EvaluationSheet;
import jp.machi.planning.program.application.ProgramService;
import jp.machi.planning.program.domain.AdministrativeProgram;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/planning/programs/{id}/evaluation-sheet?fiscalYear=}: one
 * program's evaluation sheet (事務事業評価シート) as an Excel workbook, for printing.
 */
@Path("municipalities/{lgCode}/planning/programs/{id}/evaluation-sheet")
@RequestScoped
@Tag(name = "planning")
public class EvaluationSheetResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ProgramService programs;

    @Inject
    EvaluationSheet sheets;

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces(XLSX)
    @Transactional
    @Operation(summary = "The program's evaluation sheet of a fiscal year (default: the program's own) as .xlsx")
    @Answers
    public Response sheet(@PathParam("id") UUID id, @QueryParam("fiscalYear") String fiscalYear) {
        AdministrativeProgram p = programs.require(id);
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank() ? p.getFiscalYear() : FiscalYear.parse(fiscalYear);
        byte[] workbook = sheets.workbook(p, fy);
        String name = "evaluation-sheet-" + fy.startYear() + "-" + p.getProgramNumber().replaceAll("[^A-Za-z0-9_-]", "_")
                + ".xlsx";
        return Response.ok(workbook, XLSX).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
