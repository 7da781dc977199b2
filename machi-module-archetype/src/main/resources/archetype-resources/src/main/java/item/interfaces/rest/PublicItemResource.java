package ${package}.item.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneId;
import ${package}.item.application.ItemService;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Access;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/${moduleId}/public/summary}: what the public portal shows, to anyone
 * without signing in. Only figures: never an item's note, never personal data.
 */
@Path("municipalities/{lgCode}/${moduleId}/public/summary")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "${moduleId}")
public class PublicItemResource {

    @Inject
    ItemService items;

    @JsonbPropertyOrder({"fiscalYear", "items"})
    public record Summary(FiscalYear fiscalYear, long items) {
    }

    @GET
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "How many items a fiscal year has (?fiscalYear=, this year by default); public")
    public Summary summary(@QueryParam("fiscalYear") String fiscalYear) {
        FiscalYear fy = fiscalYear == null || fiscalYear.isBlank()
                ? FiscalYear.containing(LocalDate.now(ZoneId.of("Asia/Tokyo"))) : FiscalYear.parse(fiscalYear);
        return new Summary(fy, items.countIn(fy));
    }
}
