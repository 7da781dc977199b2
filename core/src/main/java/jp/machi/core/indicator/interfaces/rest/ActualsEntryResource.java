package jp.machi.core.indicator.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.BulkImports;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Decimals;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.api.Xlsx;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.indicator.application.ActualsEntryService;
import jp.machi.core.indicator.application.ActualsEntryService.Change;
import jp.machi.core.indicator.application.ActualsEntryService.Entry;
import jp.machi.core.indicator.application.ActualsEntryService.Row;
import jp.machi.core.indicator.application.ActualsEntryService.Sheet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/indicators/actuals/{fiscalYear}/units/{unitId}}: 実績入力, one
 * unit's actuals of one fiscal year as a sheet (JSON, xlsx or CSV), saved together (PUT, If-Match:
 * the sheet's ETag) or uploaded as a filled-in file ({@code …/bulk-imports}: {@code ?dryRun=true}
 * previews what changes, then the same file with the preview's ETag applies it).
 */
@Path("municipalities/{lgCode}/indicators/actuals/{fiscalYear}/units/{unitId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indicators", description = "指標 / indicators")
public class ActualsEntryResource {

    @Inject
    ActualsEntryService actuals;

    @Inject
    Validator validator;

    @Inject
    @ConfigProperty(name = "machi.indicators.actuals-import-max-bytes", defaultValue = "2097152")
    long maxImportBytes;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @JsonbPropertyOrder({"indicatorId", "code", "nameJa", "nameEn", "unit", "version", "target", "targetSource",
        "previousActual", "actual", "note", "boundToMetric", "liveValue"})
    public record RowView(UUID indicatorId, String code, String nameJa, String nameEn, String unit, long version,
            BigDecimal target, String targetSource, BigDecimal previousActual, BigDecimal actual, String note,
            boolean boundToMetric, BigDecimal liveValue) {
        static RowView of(Row r) {
            return new RowView(r.indicator().getId(), r.indicator().getCode(), r.indicator().getNameJa(),
                    r.indicator().getNameEn(), r.indicator().getUnit(), r.indicator().getVersion(), plain(r.target()),
                    r.targetSource().name(), plain(r.previousActual()), r.bound() ? null : plain(r.actual()), r.note(),
                    r.bound(), r.bound() ? plain(r.live()) : null);
        }
    }

    @JsonbPropertyOrder({"unitId", "unitNameJa", "unitNameEn", "fiscalYear", "fiscalYearLabel", "rows"})
    public record SheetView(UUID unitId, String unitNameJa, String unitNameEn, FiscalYear fiscalYear,
            String fiscalYearLabel, List<RowView> rows) {
        static SheetView of(Sheet s, Locale l) {
            return new SheetView(s.unit().getId(), s.unit().getNameJa(), s.unit().getNameEn(), s.fiscalYear(),
                    s.fiscalYear().label(l), s.rows().stream().map(RowView::of).toList());
        }
    }

    @JsonbPropertyOrder({"indicatorId", "code", "nameJa", "line", "actualBefore", "actualAfter", "noteBefore",
        "noteAfter", "changed"})
    public record ChangeView(UUID indicatorId, String code, String nameJa, Integer line, BigDecimal actualBefore,
            BigDecimal actualAfter, String noteBefore, String noteAfter, boolean changed) {
    }

    @JsonbPropertyOrder({"dryRun", "fiscalYear", "unitId", "rowCount", "changedCount", "changes"})
    public record ImportView(boolean dryRun, FiscalYear fiscalYear, UUID unitId, int rowCount, int changedCount,
            List<ChangeView> changes) {
    }

    /** One actual as the screen sends it. */
    public static class EntryInput {
        @NotNull
        public UUID indicatorId;

        /** The indicator's version as read; a stale one refuses the whole save, naming the indicator. */
        @PositiveOrZero
        public Long version;

        @Digits(integer = 15, fraction = 4)
        public BigDecimal actual;

        @Size(max = 1000)
        public String note;
    }

    /** The sheet's actuals, saved together. */
    public static class ActualsInput {
        @NotNull
        @Size(max = 2000)
        @Valid
        public List<@NotNull EntryInput> entries;
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "実績入力: the indicators a unit owns with the year's target, last year's actual and this "
            + "year's actual and note (bound indicators: their live value), with the sheet's ETag; ?format=xlsx or csv "
            + "downloads the sheet to fill in")
    @Answers(SheetView.class)
    public Response get(@PathParam("fiscalYear") String fiscalYear, @PathParam("unitId") UUID unitId,
            @QueryParam("format") String format) {
        Sheet sheet = actuals.sheet(unitId, FiscalYear.parse(fiscalYear));
        Locale l = Problems.locale(headers);
        String name = fileName(sheet, l);
        if (Xlsx.requested(format, headers)) {
            StreamingOutput body = out -> ActualsSheetFile.writeXlsx(out, sheet, l);
            return Response.ok(body, Xlsx.MEDIA_TYPE).tag(new EntityTag(sheet.tag()))
                    .header("Content-Disposition", disposition(name + ".xlsx")).build();
        }
        if (Csv.requested(format, headers)) {
            return Csv.response(name + ".csv", ActualsSheetFile.headers(sheet.fiscalYear(), l), sheet.rows(),
                    r -> ActualsSheetFile.cells(r, l));
        }
        return Response.ok(SheetView.of(sheet, l)).tag(new EntityTag(sheet.tag())).build();
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Save the sheet's actuals together (If-Match: the sheet's ETag; each entry's version, when "
            + "sent, must be current): all or nothing, every saved indicator gets a new version; a stale one is 412 "
            + "naming the indicators (no PATCH: the sheet is saved whole, one indicator is patched on its own path)")
    @org.eclipse.microprofile.openapi.annotations.extensions.Extension(name = jp.machi.core.api.MergePatch.OFF, value = "false")
    @Answers(SheetView.class)
    public Response save(@PathParam("fiscalYear") String fiscalYear, @PathParam("unitId") UUID unitId,
            ActualsInput body) {
        Sheet sheet = actuals.sheet(unitId, FiscalYear.parse(fiscalYear));
        Bodies.valid(validator, Bodies.require(body));
        List<Entry> entries = new ArrayList<>();
        for (int n = 0; n < body.entries.size(); n++) {
            EntryInput e = body.entries.get(n);
            String note = e.note == null || e.note.isBlank() ? null : e.note.strip();
            entries.add(new Entry("entries[" + n + "]", n, e.indicatorId, null, e.version, e.actual, note, false));
        }
        // Named stale indicators first (the screen sends versions), then the sheet as a whole.
        Versions.requirePresent(headers);
        List<Change> changes = actuals.preview(sheet, entries, false);
        requireMatch(sheet);
        actuals.apply(sheet, changes);
        Sheet saved = actuals.sheet(unitId, sheet.fiscalYear());
        return Response.ok(SheetView.of(saved, Problems.locale(headers))).tag(new EntityTag(saved.tag())).build();
    }

    @POST
    @Path("bulk-imports")
    @Access(minimum = Role.STAFF)
    // Any Content-Type: the body is the file's bytes (xlsx by its signature, else CSV in the charset the
    // type names, else UTF-8 with or without BOM or Shift_JIS as detected).
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Upload the filled-in sheet (xlsx or CSV): ?dryRun=true answers what would change (before → "
            + "after per indicator) and the sheet's ETag; without it, If-Match (that ETag) applies it, all or nothing. "
            + "Row errors: 422 naming row and column")
    @Answers(ImportView.class)
    public Response upload(@PathParam("fiscalYear") String fiscalYear, @PathParam("unitId") UUID unitId,
            @QueryParam("dryRun") String dryRun, InputStream body) throws IOException {
        boolean dry = flag(dryRun);
        Sheet sheet = actuals.sheet(unitId, FiscalYear.parse(fiscalYear));
        if (!dry) {
            Versions.requirePresent(headers);
        }
        String declared = headers.getLength() > maxImportBytes ? tooLarge()
                : headers.getMediaType() == null ? null
                        : headers.getMediaType().getParameters().get(MediaType.CHARSET_PARAMETER);
        byte[] file = body == null ? new byte[0] : BulkImports.bounded(body, maxImportBytes).readAllBytes();
        Locale l = Problems.locale(headers);
        ActualsSheetFile.Parsed parsed = ActualsSheetFile.read(file, declared, sheet.fiscalYear(), l);
        List<Entry> entries = parsed.entries();
        List<Change> changes = actuals.preview(sheet, entries, true, parsed.errors());
        List<ChangeView> views = new ArrayList<>();
        for (int n = 0; n < changes.size(); n++) {
            Change c = changes.get(n);
            Integer line = entries.stream().filter(e -> c.indicator().getId().equals(e.indicatorId())
                    || e.indicatorId() == null && c.indicator().getCode() != null && c.indicator().getCode().equals(e.code()))
                    .findFirst().map(Entry::line).orElse(null);
            views.add(new ChangeView(c.indicator().getId(), c.indicator().getCode(), c.indicator().getNameJa(), line,
                    plain(c.actualBefore()), plain(c.actualAfter()), c.noteBefore(), c.noteAfter(), c.changes()));
        }
        int changed = (int) changes.stream().filter(Change::changes).count();
        if (!dry) {
            requireMatch(sheet);
            actuals.apply(sheet, changes);
            sheet = actuals.sheet(unitId, sheet.fiscalYear());
        }
        return Response.ok(new ImportView(dry, sheet.fiscalYear(), unitId, entries.size(), changed, views))
                .tag(new EntityTag(sheet.tag())).build();
    }

    private String tooLarge() {
        throw new ApiException(413, "payload-too-large", "problem.payloadTooLarge.detail", maxImportBytes);
    }

    private void requireMatch(Sheet sheet) {
        Versions.requireMatch(request, headers, new EntityTag(sheet.tag()));
    }

    private static boolean flag(String text) {
        if (text == null || text.isBlank() || "false".equalsIgnoreCase(text.strip())) {
            return false;
        }
        if ("true".equalsIgnoreCase(text.strip())) {
            return true;
        }
        throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("dryRun", "indicator.actuals.dryRun.invalid", text)));
    }

    private static String fileName(Sheet s, Locale l) {
        String unit = l.getLanguage().equals("en") && s.unit().getNameEn() != null ? s.unit().getNameEn() : s.unit().getNameJa();
        return (l.getLanguage().equals("en") ? "actuals-" : "実績入力-") + s.fiscalYear().label(l) + "-" + unit;
    }

    private static String disposition(String fileName) {
        String encoded = java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''" + encoded;
    }

    private static BigDecimal plain(BigDecimal v) {
        return v == null ? null : Decimals.plain(v);
    }
}
