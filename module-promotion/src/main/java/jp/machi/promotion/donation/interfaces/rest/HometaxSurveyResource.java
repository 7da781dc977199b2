package jp.machi.promotion.donation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Problems;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.donation.application.HometaxSurvey;
import jp.machi.promotion.interfaces.rest.PromotionParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/hometown-tax-survey}: ふるさと納税に関する現況調査,
 * a fiscal year's figures as the survey's sheets: JSON, CSV (one file, the sheet in the first column)
 * or xlsx (a worksheet each).
 */
@Path("municipalities/{lgCode}/promotion/hometown-tax-survey")
@RequestScoped
@Tag(name = "promotion")
public class HometaxSurveyResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    HometaxSurvey survey;

    @Inject
    Tenancy tenancy;

    @Context
    HttpHeaders headers;

    @JsonbPropertyOrder({"fiscalYear", "columns", "sheets"})
    public record SurveyView(FiscalYear fiscalYear, List<String> columns, List<HometaxSurvey.Sheet> sheets) {
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, XLSX})
    @Transactional
    @Operation(summary = "The hometown-tax survey (現況調査) of a fiscal year (?fiscalYear= R6|2024; this fiscal year when left out): donations received,"
            + " per use, collection costs per category with their share, one-stop applications; ?format=csv (UTF-8 with BOM) or"
            + " ?format=xlsx (a worksheet per sheet)")
    @Answers(SurveyView.class)
    public Response get(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("format") String format) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer fy = PromotionParams.fiscalYear("fiscalYear", fiscalYear, errors);
        if (fy == null && errors.isEmpty()) {
            fy = FiscalYear.containing(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"))).startYear();
        }
        boolean xlsx = "xlsx".equalsIgnoreCase(format == null ? "" : format.strip());
        if (format != null && !format.isBlank() && !xlsx && !"csv".equalsIgnoreCase(format.strip()) && !"json".equalsIgnoreCase(format.strip())) {
            errors.add(new ApiException.FieldErrorKey("format", "promotion.survey.format", format.length() > 20 ? format.substring(0, 20) : format));
        }
        PromotionParams.throwIfAny(errors);
        Locale l = Problems.locale(headers);
        if (xlsx || headers.getAcceptableMediaTypes().stream().anyMatch(t -> XLSX.equals(t.getType() + "/" + t.getSubtype()))) {
            String name = tenancy.em().createNamedQuery("Municipality.byCode", Municipality.class).setParameter("code", tenancy.code())
                    .getResultStream().findFirst().map(m -> "en".equals(l.getLanguage()) && m.getNameEn() != null ? m.getNameEn() : m.getNameJa())
                    .orElse(tenancy.code());
            return Response.ok(survey.workbook(fy, l, name), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"hometown-tax-survey-" + fy + ".xlsx\"").build();
        }
        List<HometaxSurvey.Sheet> sheets = survey.sheets(fy, l);
        if (Csv.requested(format, headers)) {
            List<String> head = new ArrayList<>(List.of(Messages.get(l, "promotion.survey.col.sheet"), Messages.get(l, "promotion.survey.period")));
            head.addAll(HometaxSurvey.columns(l));
            List<Object[]> rows = new ArrayList<>();
            for (HometaxSurvey.Sheet s : sheets) {
                for (HometaxSurvey.Row r : s.rows()) {
                    rows.add(new Object[] {s.number() + " " + s.title(), s.period(), r});
                }
            }
            return Csv.stream("hometown-tax-survey-" + fy + ".csv", head, rows, x -> {
                HometaxSurvey.Row r = (HometaxSurvey.Row) x[2];
                return Arrays.asList(x[0], x[1], r.item(), r.amount(), r.count(), r.percent());
            });
        }
        return Response.ok(new SurveyView(FiscalYear.of(fy), HometaxSurvey.columns(l), sheets), MediaType.APPLICATION_JSON).build();
    }
}
