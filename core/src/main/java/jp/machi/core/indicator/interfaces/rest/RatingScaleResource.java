package jp.machi.core.indicator.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.indicator.application.RatingScaleService;
import jp.machi.core.indicator.domain.RatingScale;
import jp.machi.core.indicator.interfaces.rest.IndicatorDtos.RatingScaleInput;
import jp.machi.core.indicator.interfaces.rest.IndicatorDtos.RatingScaleView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/rating-scale}: the thresholds that turn achievement
 * rates into grades (default A ≥ 100 %, B ≥ 80 %, C ≥ 60 %, D below), set by each municipality.
 */
@Path("municipalities/{lgCode}/rating-scale")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "indicators")
public class RatingScaleResource {

    @Inject
    RatingScaleService ratings;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The municipality's rating thresholds")
    @Answers(RatingScaleView.class)
    public Response get() {
        RatingScale scale = ratings.current();
        return Response.ok(RatingScaleView.of(scale, ratings.isCustom(), Problems.locale(headers))).tag(Versions.tag(version(scale))).build();
    }

    @PUT
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "Replace the rating thresholds, best grade first, the last starting at 0 %, and how years before a final target are rated (interimYears: NO_TARGET, INTERPOLATE, FINAL_TARGET; If-Match required)")
    @Answers(RatingScaleView.class)
    public Response put(@Valid RatingScaleInput body) {
        Bodies.require(body);
        ratings.lockForChange();
        Versions.requireMatch(request, headers, version(ratings.current()));
        List<RatingScale.Grade> grades = body.grades.stream()
                .map(g -> new RatingScale.Grade(g.label.strip(), g.minimumPercent)).toList();
        List<String> problems = RatingScale.problems(grades);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems.stream().distinct()
                    .map(p -> new ApiException.FieldErrorKey("grades", p)).toList());
        }
        RatingScale scale = new RatingScale(grades, body.interim());
        ratings.replace(scale);
        return Response.ok(RatingScaleView.of(scale, true, Problems.locale(headers))).tag(Versions.tag(version(scale))).build();
    }

    /** The scale has no row version of its own: its content is its version. */
    private static long version(RatingScale scale) {
        long h = 17;
        for (RatingScale.Grade g : scale.grades()) {
            h = 31 * h + g.label().hashCode();
            h = 31 * h + g.minimumPercent().stripTrailingZeros().hashCode();
        }
        h = 31 * h + scale.interimYears().name().hashCode();
        return h & Long.MAX_VALUE;
    }
}
