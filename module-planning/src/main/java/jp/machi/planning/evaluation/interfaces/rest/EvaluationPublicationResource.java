package jp.machi.planning.evaluation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Problems;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.InvalidFiscalYearException;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.planning.evaluation.application.EvaluationPublicationService;
import jp.machi.planning.evaluation.domain.EvaluationPublication;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/planning/evaluation-results}: which fiscal years' evaluation
 * results are published; a municipality administrator publishes ({@code POST
 * …/{fiscalYear}/publication}) and withdraws ({@code DELETE}) them. What the public then reads:
 * {@link PublicEvaluationResource}.
 */
@Path("municipalities/{lgCode}/planning/evaluation-results")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class EvaluationPublicationResource {

    @Inject
    EvaluationPublicationService service;

    @Context
    HttpHeaders headers;

    @JsonbPropertyOrder({"fiscalYear", "fiscalYearLabel", "publishedAt", "decided"})
    public record PublicationView(FiscalYear fiscalYear, String fiscalYearLabel, OffsetDateTime publishedAt,
            int decided) {
    }

    @GET
    @Transactional
    @Access(minimum = Role.VIEWER)
    @Operation(summary = "The fiscal years whose evaluation results are published, latest first")
    @Answers(value = PublicationView.class, list = true)
    public List<PublicationView> list() {
        return service.publications().stream().map(this::view).toList();
    }

    @POST
    @Path("{fiscalYear}/publication")
    @Transactional
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Operation(summary = "Publish a fiscal year's decided evaluation results on the public portal"
            + " (409 while none is decided; publishing again changes nothing)")
    @Answers(PublicationView.class)
    public Response publish(@PathParam("fiscalYear") String fiscalYear) {
        return Response.ok(view(service.publish(FiscalYear.parse(fiscalYear)))).build();
    }

    @DELETE
    @Path("{fiscalYear}/publication")
    @Transactional
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Operation(summary = "Withdraw a fiscal year's evaluation results from the public portal")
    @Answers(status = 204)
    public Response withdraw(@PathParam("fiscalYear") String fiscalYear) {
        FiscalYear fy;
        try {
            fy = FiscalYear.parse(fiscalYear);
        } catch (InvalidFiscalYearException e) {
            // Nothing that is not a fiscal year was ever published: what is to be withdrawn is not there.
            throw ApiException.notFound("planning.evaluationResults.notPublished", fiscalYear);
        }
        service.withdraw(fy);
        return Response.noContent().build();
    }

    private PublicationView view(EvaluationPublication p) {
        Locale l = Problems.locale(headers);
        return new PublicationView(p.getFiscalYear(), p.getFiscalYear().label(l), p.getPublishedAt(),
                service.decided(p.getFiscalYear()).size());
    }
}
