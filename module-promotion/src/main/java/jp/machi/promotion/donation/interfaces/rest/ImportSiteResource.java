package jp.machi.promotion.donation.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.promotion.donation.application.ImportSiteService;
import jp.machi.promotion.donation.domain.ImportSite;
import jp.machi.promotion.donation.domain.ImportSite.Field;
import jp.machi.promotion.donation.domain.PaymentMethod;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/promotion/import-sites}: the portal sites whose donation
 * exports are imported, each with its saved column mapping (the header text of the column holding
 * each field), editable as the sites change their files.
 */
@Path("municipalities/{lgCode}/promotion/import-sites")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "promotion")
public class ImportSiteResource {

    @Inject
    ImportSiteService sites;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @JsonbPropertyOrder({"field", "label", "required", "column"})
    public record ColumnView(String field, String label, boolean required, String column) {
    }

    @JsonbPropertyOrder({"id", "name", "defaultPaymentMethod", "defaultPaymentMethodLabel", "columns"})
    public record SiteView(UUID id, String name, String defaultPaymentMethod, String defaultPaymentMethodLabel,
            List<ColumnView> columns) {
    }

    SiteView view(ImportSite s) {
        Locale l = Problems.locale(headers);
        Map<Field, String> m = s.columns();
        List<ColumnView> columns = new ArrayList<>();
        for (Field f : Field.values()) {
            columns.add(new ColumnView(field(f), Messages.get(l, "promotion.import.field." + f.name()), f.required(), m.get(f)));
        }
        return new SiteView(s.getId(), s.getName(), s.getDefaultPaymentMethod().name(),
                Messages.get(l, "promotion.payment." + s.getDefaultPaymentMethod().name()), columns);
    }

    static String field(Field f) {
        String[] parts = f.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    /** A site as sent on create and update: columns maps a field (orderId, receivedOn, amount, name …) to its header text. */
    public static class SiteInput {
        @NotBlank
        @Size(max = 100)
        public String name;

        @NotNull
        public Map<String, String> columns;

        @Size(max = 30)
        public String defaultPaymentMethod;

        ImportSite.Content content() {
            List<ApiException.FieldErrorKey> errors = new ArrayList<>();
            Map<String, Field> byName = new LinkedHashMap<>();
            for (Field f : Field.values()) {
                byName.put(field(f), f);
            }
            Map<Field, String> m = new EnumMap<>(Field.class);
            for (Map.Entry<String, String> e : columns.entrySet()) {
                Field f = byName.get(e.getKey());
                if (f == null) {
                    errors.add(new ApiException.FieldErrorKey("columns", "promotion.importSite.unknownField",
                            e.getKey() == null || e.getKey().length() > 40 ? "…" : e.getKey()));
                    continue;
                }
                String v = e.getValue() == null ? null : e.getValue().strip();
                if (v == null || v.isEmpty()) {
                    continue;
                }
                if (v.length() > 100) {
                    errors.add(new ApiException.FieldErrorKey("columns." + e.getKey(), "promotion.param.tooLong", 100));
                    continue;
                }
                m.put(f, v);
            }
            for (Field f : Field.values()) {
                if (f.required() && !m.containsKey(f) && byName.containsKey(field(f))) {
                    errors.add(new ApiException.FieldErrorKey("columns." + field(f), "promotion.importSite.required"));
                }
            }
            PaymentMethod pm = PaymentMethod.CREDIT_CARD;
            if (defaultPaymentMethod != null && !defaultPaymentMethod.isBlank()) {
                pm = DonationResource.payment("defaultPaymentMethod", defaultPaymentMethod, errors);
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            return new ImportSite.Content(name.strip(), m, pm);
        }
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "List the portal sites and their column mappings (?sort=name; paged in the database)")
    @Answers(value = SiteView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("sort") String sort) {
        paging.offset();
        return Response.ok(sites.list(ImportSiteService.SORT.parse(sort)).page(paging).map(this::view)).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Register a portal site with its column mapping (orderId, receivedOn, amount and name required)")
    @Answers(value = SiteView.class, status = 201)
    public Response create(@Valid SiteInput body) {
        Bodies.require(body);
        ImportSite s = sites.create(body.content());
        return Response.created(uri.getAbsolutePathBuilder().path(s.getId().toString()).build())
                .tag(Versions.tag(s.getVersion())).entity(view(s)).build();
    }

    @GET
    @Access(minimum = Role.VIEWER)
    @Path("{id}")
    @Transactional
    @Operation(summary = "One portal site and its column mapping")
    @Answers(SiteView.class)
    public Response get(@PathParam("id") UUID id) {
        ImportSite s = sites.require(id);
        return Response.ok(view(s)).tag(Versions.tag(s.getVersion())).build();
    }

    /**
     * The site as its PUT takes it, for a merge patch: the GET lists every field with its label, the PUT
     * takes the mapping field → header text ({@code columns} merges member by member).
     */
    @jp.machi.core.api.MergePatch.Base("{id}")
    @Transactional
    public SiteInput current(@PathParam("id") UUID id) {
        ImportSite s = sites.require(id);
        SiteInput b = new SiteInput();
        b.name = s.getName();
        b.defaultPaymentMethod = s.getDefaultPaymentMethod().name();
        b.columns = new LinkedHashMap<>();
        s.columns().forEach((f, column) -> b.columns.put(field(f), column));
        return b;
    }

    @PUT
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Revise a portal site's name or column mapping (If-Match required)")
    @Answers(SiteView.class)
    public Response update(@PathParam("id") UUID id, @Valid SiteInput body) {
        Bodies.require(body);
        ImportSite s = sites.require(id);
        Versions.requireMatch(request, headers, s.getVersion());
        sites.revise(s, body.content());
        return Response.ok(view(s)).tag(Versions.tag(s.getVersion())).build();
    }

    @DELETE
    @Access(minimum = Role.STAFF)
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a portal site's mapping (If-Match required; its imported donations stay)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        ImportSite s = sites.require(id);
        Versions.requireMatch(request, headers, s.getVersion());
        sites.delete(s);
        return Response.noContent().build();
    }
}
