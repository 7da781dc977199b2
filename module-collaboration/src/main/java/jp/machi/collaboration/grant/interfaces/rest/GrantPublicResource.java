package jp.machi.collaboration.grant.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import jp.machi.collaboration.grant.application.GrantService;
import jp.machi.core.api.Answers;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/collaboration/grants/public}: what the portal shows of the
 * proposal-based grants — the calls whose submission period has not ended, and the funded projects
 * (organisation, project, amount granted). Anyone may read them; they hold no personal data.
 */
@Path("municipalities/{lgCode}/collaboration/grants/public")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "collaboration")
public class GrantPublicResource {

    @Inject
    GrantService grants;

    @Context
    HttpHeaders headers;

    @JsonbPropertyOrder({"id", "fiscalYear", "fiscalYearLabel", "title", "purpose", "eligibility", "budget", "maxPerGrant",
        "subsidyRate", "maxYears", "schedule", "criteria", "open", "requiredDocuments"})
    public record PublicCall(String id, int fiscalYear, String fiscalYearLabel, String title, String purpose,
            String eligibility, long budget, long maxPerGrant, int subsidyRate, int maxYears,
            GrantCallResource.ScheduleView schedule, List<GrantCallResource.CriterionView> criteria, boolean open,
            List<String> requiredDocuments) {
    }

    @JsonbPropertyOrder({"fiscalYear", "fiscalYearLabel", "applicantName", "projectTitle", "fundingYear", "grantedAmount"})
    public record FundedProject(int fiscalYear, String fiscalYearLabel, String applicantName, String projectTitle,
            int fundingYear, long grantedAmount) {
    }

    @GET
    @Path("calls")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Grant calls whose submission period has not ended, with schedule and criteria (anyone)")
    @Answers(value = PublicCall.class, list = true)
    public List<PublicCall> calls() {
        Locale l = Problems.locale(headers);
        return grants.openCalls().stream().map(c -> publicCall(c, l)).toList();
    }

    static PublicCall publicCall(jp.machi.collaboration.grant.domain.GrantCall c, Locale l) {
        GrantCallResource.CallView v = GrantCallResource.view(c, l, null);
        return new PublicCall(v.id().toString(), v.fiscalYear(), v.fiscalYearLabel(), v.title(), v.purpose(),
                v.eligibility(), v.budget(), v.maxPerGrant(), v.subsidyRate(), v.maxYears(), v.schedule(), v.criteria(),
                v.open(), c.getRequiredDocuments());
    }

    @GET
    @Path("funded")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Funded projects (adopted applications): organisation, project, year of funding, amount granted"
            + " (anyone; filter fiscalYear; paged)")
    @Answers(value = FundedProject.class, page = true)
    public Page<FundedProject> funded(@BeanParam PageRequest paging, @QueryParam("fiscalYear") String fiscalYear) {
        Integer fy = fiscalYear == null || fiscalYear.isBlank() ? null : FiscalYear.parse(fiscalYear).startYear();
        paging.offset();
        Locale l = Problems.locale(headers);
        return grants.funded(fy).page(paging).map(a -> new FundedProject(a.getFiscalYear(),
                FiscalYear.of(a.getFiscalYear()).label(l), a.getApplicantName(), a.getProjectTitle(), a.fundingYear(),
                a.getGrantedAmount()));
    }
}
