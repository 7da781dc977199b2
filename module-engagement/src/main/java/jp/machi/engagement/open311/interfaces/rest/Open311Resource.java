package jp.machi.engagement.open311.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.LocalGovernmentCodes;
import jp.machi.core.api.Problem;
import jp.machi.core.api.Problems;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.municipality.application.ModuleEnablementService;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.persistence.CurrentMunicipality;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.open311.application.Open311Keys;
import jp.machi.engagement.open311.application.Open311Service;
import jp.machi.engagement.open311.interfaces.rest.Open311Format.Items;
import jp.machi.engagement.voice.application.VoiceService;
import jp.machi.engagement.voice.domain.VoiceCategory;
import jp.machi.engagement.voice.domain.VoiceStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/open311/v2/}: Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) for every
 * municipality of the deployment that has the engagement module enabled. One endpoint serves them
 * all, so every call but {@code discovery} names the municipality as {@code jurisdiction_id}: its
 * six-digit local government code (082201). Each call answers in the format of its extension
 * ({@code .json}, {@code .xml}); errors are the specification's list of {@code {code, description}}
 * ({@code <errors><error>…}) with 400 for bad input, 403 for a missing, unknown or revoked
 * {@code api_key}, 404 for an unknown jurisdiction, service or request; descriptions in Japanese,
 * English with {@code Accept-Language: en}. Services are the municipality's voice categories open
 * to Open311 (all {@code realtime}, without attributes); a POSTed request is a citizen voice of
 * channel OPEN311 whose receipt number is the {@code service_request_id}. Nothing about the
 * sender is ever shown.
 */
@Path("open311/v2")
@RequestScoped
@Access(Access.Level.PUBLIC)
@Tag(name = "open311", description = "Open311 GeoReport v2 (市民の声の受付)")
public class Open311Resource {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this endpoint's behaviour last changed (discovery's changeset). */
    static final String CHANGESET = "2026-12-06T00:00:00+09:00";
    static final int MAX_IDS = 100;
    private static final java.time.format.DateTimeFormatter W3C =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[(.{1,100})\\]");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern RECEIPT = Pattern.compile("[A-Za-z0-9-]{1,20}");

    @Inject
    Open311Service open311;

    @Inject
    Open311Keys keys;

    @Inject
    MunicipalityService municipalities;

    @Inject
    ModuleEnablementService enablement;

    @Inject
    CurrentMunicipality current;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Path("discovery.{format}")
    @Operation(summary = "Open311 discovery (anyone; one for the deployment): the endpoint, its formats and how to get"
            + " an api_key; jurisdiction_id is the municipality's local government code")
    @Answers(value = Map.class, media = "text/xml", description = "Open311 GeoReport v2: JSON or XML by the extension (.json, .xml)")
    public Response discovery(@PathParam("format") String format) {
        return answer(format, f -> {
            Map<String, Object> endpoint = Open311Format.item();
            endpoint.put("specification", SPECIFICATION);
            endpoint.put("url", uri.getBaseUriBuilder().path("open311/v2").build().toString());
            endpoint.put("changeset", CHANGESET);
            endpoint.put("type", "production");
            endpoint.put("formats", new Items("format", List.of("text/xml", "application/json")));
            Map<String, Object> d = Open311Format.item();
            d.put("changeset", CHANGESET);
            d.put("contact", text("engagement.open311.contact"));
            d.put("key_service", text("engagement.open311.keyService"));
            d.put("endpoints", new Items("endpoint", List.of(endpoint)));
            return f.object(200, "discovery", d);
        });
    }

    @GET
    @Path("services.{format}")
    @Operation(summary = "Open311 services of a jurisdiction (anyone): its voice categories open to Open311")
    @Answers(value = Map.class, list = true, media = "text/xml", description = "Open311 GeoReport v2: JSON or XML by the extension (.json, .xml)")
    public Response services(@PathParam("format") String format, @QueryParam("jurisdiction_id") String jurisdiction) {
        return answer(format, f -> {
            jurisdiction(jurisdiction);
            boolean en = english();
            List<Map<String, Object>> items = new ArrayList<>();
            for (VoiceCategory c : open311.services()) {
                Map<String, Object> s = Open311Format.item();
                s.put("service_code", c.getCode());
                s.put("service_name", c.name(en));
                s.put("description", c.getDescription());
                s.put("metadata", false);
                s.put("type", "realtime");
                s.put("keywords", null);
                s.put("group", c.getGroupName());
                items.add(s);
            }
            return f.list(200, "services", "service", items);
        });
    }

    @GET
    @Path("services/{service_code}.{format}")
    @Operation(summary = "Open311 service definition (anyone): Machi's services have no attributes (metadata false)")
    @Answers(value = Map.class, media = "text/xml", description = "Open311 GeoReport v2: JSON or XML by the extension (.json, .xml)")
    public Response service(@PathParam("service_code") String code, @PathParam("format") String format,
            @QueryParam("jurisdiction_id") String jurisdiction) {
        return answer(format, f -> {
            jurisdiction(jurisdiction);
            VoiceCategory c = open311.service(code);
            Map<String, Object> d = Open311Format.item();
            d.put("service_code", c.getCode());
            d.put("attributes", new Items("attribute", List.of()));
            return f.object(200, "service_definition", d);
        });
    }

    @GET
    @Path("requests.{format}")
    @Operation(summary = "Open311 service requests (anyone; never anything about the sender): service_request_id"
            + " (comma separated, overrides the rest), service_code, start_date, end_date (W3C date-times, at most 90"
            + " days apart; default the last 90 days), status (open, closed); newest first, at most 1000")
    @Answers(value = Map.class, list = true, media = "text/xml", description = "Open311 GeoReport v2: JSON or XML by the extension (.json, .xml)")
    public Response requests(@PathParam("format") String format, @QueryParam("jurisdiction_id") String jurisdiction,
            @QueryParam("service_request_id") String ids, @QueryParam("service_code") String serviceCode,
            @QueryParam("start_date") String start, @QueryParam("end_date") String end,
            @QueryParam("status") String status) {
        return answer(format, f -> {
            jurisdiction(jurisdiction);
            Open311Service.Query q = query(ids, serviceCode, start, end, status);
            return f.list(200, "service_requests", "request", open311.requests(q, english()).stream()
                    .map(Open311Resource::request).toList());
        });
    }

    @GET
    @Path("requests/{service_request_id}.{format}")
    @Operation(summary = "One Open311 service request (anyone; never anything about the sender), as a list of one")
    @Answers(value = Map.class, list = true, media = "text/xml", description = "Open311 GeoReport v2: JSON or XML by the extension (.json, .xml)")
    public Response request(@PathParam("service_request_id") String id, @PathParam("format") String format,
            @QueryParam("jurisdiction_id") String jurisdiction) {
        return answer(format, f -> {
            jurisdiction(jurisdiction);
            if (!RECEIPT.matcher(id).matches()) {
                throw ApiException.notFound("engagement.open311.requestNotFound", id);
            }
            List<Open311Service.RequestRow> rows = open311.requests(
                    new Open311Service.Query(List.of(id), null, null, null, null), english());
            if (rows.isEmpty()) {
                throw ApiException.notFound("engagement.open311.requestNotFound", id);
            }
            return f.list(200, "service_requests", "request", List.of(request(rows.get(0))));
        });
    }

    @GET
    @Path("tokens/{token}.{format}")
    @Operation(summary = "Open311 token lookup (anyone): every Machi service is realtime, so no token is ever issued and"
            + " every token is unknown (404)")
    @Answers(value = Map.class, list = true, status = 404, media = "text/xml", description = "Open311 の errors: トークンは発行しないため常に 404 / no token is ever issued: always 404 with the errors list")
    public Response token(@PathParam("token") String token, @PathParam("format") String format,
            @QueryParam("jurisdiction_id") String jurisdiction) {
        return answer(format, f -> {
            jurisdiction(jurisdiction);
            throw ApiException.notFound("engagement.open311.tokenNotFound", token);
        });
    }

    @POST
    @Path("requests.{format}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Post an Open311 service request (form-encoded: jurisdiction_id, api_key, service_code, lat and"
            + " long or address_string or address_id, email, first_name, last_name, phone, description, media_url,"
            + " attribute[…]): a citizen voice of channel OPEN311; 201 with the service_request_id (the receipt"
            + " number); Idempotency-Key header honoured; over the rate limit 429")
    @Answers(value = Map.class, list = true, status = 201, media = "text/xml", description = "Open311 GeoReport v2: JSON or XML by the extension (.json, .xml)")
    public Response post(@PathParam("format") String format, MultivaluedMap<String, String> form) {
        return answer(format, f -> {
            String jurisdiction = first(form, "jurisdiction_id");
            jurisdiction(jurisdiction != null ? jurisdiction : uri.getQueryParameters().getFirst("jurisdiction_id"));
            String apiKey = first(form, "api_key");
            Open311Service.Submission s = submission(form, keys.authenticate(apiKey));
            Locale language = Problems.locale(headers);
            Response intake = open311.submit(headers, s, language);
            return converted(f, intake);
        });
    }

    // ---- the pieces

    private interface Answer {
        Response in(Open311Format f);
    }

    /** Runs {@code a} in the format of the extension; its refusals become the specification's error list. */
    private Response answer(String extension, Answer a) {
        Open311Format f = Open311Format.of(extension);
        if (f == null) {
            return errors(Open311Format.JSON, 404, List.of(text("engagement.open311.formatUnknown", extension)));
        }
        try {
            return a.in(f);
        } catch (ApiException e) {
            Locale l = Problems.locale(headers);
            List<String> descriptions = new ArrayList<>();
            for (ApiException.FieldErrorKey fe : e.errors()) {
                descriptions.add(fe.field() + ": " + Messages.get(l, fe.key(), fe.args()));
            }
            if (descriptions.isEmpty()) {
                descriptions.add(Messages.get(l, e.detailKey(), e.args()));
            }
            int status = e.status() == 422 || e.status() == 409 ? 400 : e.status();
            return errors(f, status, descriptions);
        }
    }

    private static Response errors(Open311Format f, int status, List<String> descriptions) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String d : descriptions) {
            Map<String, Object> e = Open311Format.item();
            e.put("code", status);
            e.put("description", d);
            items.add(e);
        }
        return f.list(status, "errors", "error", items);
    }

    /** The intake's answer in the client's format: the receipt as a list of one, or its refusal. */
    private Response converted(Open311Format f, Response intake) {
        Object entity = intake.getEntity();
        if (intake.getStatus() >= 400) {
            String detail = entity instanceof Problem p ? p.detail() : String.valueOf(intake.getStatus());
            Response r = errors(f, intake.getStatus(), List.of(detail));
            Object retry = intake.getHeaders().getFirst("Retry-After");
            return retry == null ? r : Response.fromResponse(r).header("Retry-After", retry).build();
        }
        JsonObject receipt;
        try (JsonReader reader = Json.createReader(new StringReader(String.valueOf(entity)))) {
            receipt = reader.readObject();
        }
        Map<String, Object> item = Open311Format.item();
        item.put("service_request_id", receipt.getString("service_request_id"));
        item.put("service_notice", receipt.getString("service_notice", null));
        item.put("account_id", null);
        return f.list(intake.getStatus(), "service_requests", "request", List.of(item));
    }

    /** Binds the jurisdiction (a municipality with engagement enabled) as the request's municipality. */
    private void jurisdiction(String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.badRequest("open311", "engagement.open311.jurisdictionMissing");
        }
        String code;
        try {
            code = LocalGovernmentCodes.parse(id.strip()).value();
        } catch (ApiException e) {
            throw ApiException.notFound("engagement.open311.jurisdictionNotFound", id.strip());
        }
        if (municipalities.find(code).isEmpty() || !enablement.isEnabled(code, EngagementModule.ID)) {
            throw ApiException.notFound("engagement.open311.jurisdictionNotFound", code);
        }
        current.set(code);
    }

    private Open311Service.Query query(String ids, String serviceCode, String start, String end, String status) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (ids != null && !ids.isBlank()) {
            List<String> list = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                    .toList();
            if (list.size() > MAX_IDS) {
                errors.add(new ApiException.FieldErrorKey("service_request_id", "engagement.open311.tooManyIds", MAX_IDS));
            } else if (list.stream().anyMatch(s -> !RECEIPT.matcher(s).matches())) {
                errors.add(new ApiException.FieldErrorKey("service_request_id", "engagement.open311.idMalformed"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            return new Open311Service.Query(list, null, null, null, null);
        }
        OffsetDateTime from = dateTime("start_date", start, errors);
        OffsetDateTime to = dateTime("end_date", end, errors);
        List<VoiceStatus> statuses = null;
        if (status != null && !status.isBlank()) {
            boolean open = false;
            boolean closed = false;
            for (String s : status.split(",")) {
                switch (s.strip().toLowerCase(Locale.ROOT)) {
                    case "open" -> open = true;
                    case "closed" -> closed = true;
                    default -> errors.add(new ApiException.FieldErrorKey("status", "engagement.open311.statusUnknown",
                            s.strip()));
                }
            }
            boolean withOpen = open;
            boolean withClosed = closed;
            statuses = Arrays.stream(VoiceStatus.values()).filter(v -> v.open() ? withOpen : withClosed).toList();
        }
        String code = serviceCode == null || serviceCode.isBlank() ? null : serviceCode.strip();
        if (code != null && code.length() > 40) {
            errors.add(new ApiException.FieldErrorKey("service_code", "engagement.open311.serviceNotFound", code));
        }
        if (errors.isEmpty()) {
            Duration window = Duration.ofDays(Open311Service.WINDOW_DAYS);
            if (from == null && to == null) {
                to = OffsetDateTime.now(ZoneOffset.UTC);
                from = to.minus(window);
            } else if (from == null) {
                from = to.minus(window);
            } else if (to == null) {
                to = from.plus(window);
            } else if (to.isBefore(from)) {
                errors.add(new ApiException.FieldErrorKey("end_date", "engagement.open311.endBeforeStart"));
            } else if (Duration.between(from, to).compareTo(window) > 0) {
                errors.add(new ApiException.FieldErrorKey("end_date", "engagement.open311.windowTooLong",
                        Open311Service.WINDOW_DAYS));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Open311Service.Query(null, code, from, to, statuses);
    }

    /** A W3C date-time (2026-04-01T09:00:00+09:00, also without offset or time: then in Japan). */
    static OffsetDateTime dateTime(String field, String text, List<ApiException.FieldErrorKey> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(t).atZone(VoiceService.JAPAN).toOffsetDateTime();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(t).atStartOfDay(VoiceService.JAPAN).toOffsetDateTime();
                } catch (DateTimeParseException notDate) {
                    errors.add(new ApiException.FieldErrorKey(field, "engagement.open311.dateMalformed", t));
                    return null;
                }
            }
        }
    }

    /** The POSTed fields, checked one by one (400 listing each one wrong). */
    static Open311Service.Submission submission(MultivaluedMap<String, String> form, java.util.UUID keyId) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        String serviceCode = first(form, "service_code");
        if (serviceCode == null) {
            errors.add(new ApiException.FieldErrorKey("service_code", "engagement.open311.required"));
        } else if (serviceCode.length() > 40) {
            errors.add(new ApiException.FieldErrorKey("service_code", "engagement.open311.serviceNotFound", serviceCode));
        }
        Double lat = number("lat", first(form, "lat"), -90, 90, errors);
        Double lon = number("long", first(form, "long"), -180, 180, errors);
        if ((lat == null) != (lon == null) && errors.isEmpty()) {
            errors.add(new ApiException.FieldErrorKey(lat == null ? "lat" : "long", "engagement.open311.latLongPair"));
        }
        String addressString = bounded("address_string", first(form, "address_string"), 300, errors);
        String addressId = bounded("address_id", first(form, "address_id"), 100, errors);
        if (lat == null && lon == null && addressString == null && addressId == null && first(form, "lat") == null
                && first(form, "long") == null) {
            errors.add(new ApiException.FieldErrorKey("lat", "engagement.open311.locationRequired"));
        }
        String email = bounded("email", first(form, "email"), 254, errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new ApiException.FieldErrorKey("email", "engagement.voice.emailMalformed"));
        }
        String firstName = bounded("first_name", first(form, "first_name"), 49, errors);
        String lastName = bounded("last_name", first(form, "last_name"), 50, errors);
        String phone = bounded("phone", first(form, "phone"), 40, errors);
        String digits = ResidentQuery.phoneDigits(phone);
        if (phone != null && (digits == null || digits.length() < 6 || digits.length() > 15
                || !phone.matches("[0-9０-９\\-－ー()（）+＋ 　]+"))) {
            errors.add(new ApiException.FieldErrorKey("phone", "engagement.voice.phoneMalformed"));
        }
        String description = bounded("description", first(form, "description"), 4000, errors);
        String mediaUrl = bounded("media_url", first(form, "media_url"), 1000, errors);
        if (mediaUrl != null && !mediaUrl.matches("(?i)https?://[^\\s]+")) {
            errors.add(new ApiException.FieldErrorKey("media_url", "engagement.open311.urlMalformed"));
        }
        bounded("device_id", first(form, "device_id"), 100, errors);
        bounded("account_id", first(form, "account_id"), 100, errors);
        Map<String, String> attributes = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            Matcher m = ATTRIBUTE.matcher(e.getKey());
            if (e.getKey().startsWith("attribute")) {
                if (!m.matches()) {
                    errors.add(new ApiException.FieldErrorKey(e.getKey(), "engagement.open311.attributeMalformed"));
                    continue;
                }
                String value = String.join(", ", e.getValue());
                if (value.length() > 500) {
                    errors.add(new ApiException.FieldErrorKey(e.getKey(), "engagement.open311.tooLong", 500));
                }
                attributes.put(m.group(1), value);
            }
        }
        if (attributes.size() > 20) {
            errors.add(new ApiException.FieldErrorKey("attribute", "engagement.open311.tooManyAttributes", 20));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String name = lastName == null ? firstName : firstName == null ? lastName : lastName + " " + firstName;
        return new Open311Service.Submission(keyId, serviceCode, lat, lon, addressString, addressId, email, name, phone,
                description, mediaUrl, attributes);
    }

    private static String first(MultivaluedMap<String, String> form, String name) {
        String v = form == null ? null : form.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String bounded(String field, String value, int max, List<ApiException.FieldErrorKey> errors) {
        if (value != null && value.length() > max) {
            errors.add(new ApiException.FieldErrorKey(field, "engagement.open311.tooLong", max));
        }
        return value;
    }

    private static Double number(String field, String text, double min, double max,
            List<ApiException.FieldErrorKey> errors) {
        if (text == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(text);
            if (!Double.isFinite(d) || d < min || d > max || text.length() > 30) {
                errors.add(new ApiException.FieldErrorKey(field, "engagement.open311.outOfRange", min, max));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(new ApiException.FieldErrorKey(field, "engagement.open311.numberExpected", text));
            return null;
        }
    }

    private static Map<String, Object> request(Open311Service.RequestRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", r.serviceRequestId());
        m.put("status", r.status());
        m.put("status_notes", r.statusNotes());
        m.put("service_name", r.serviceName());
        m.put("service_code", r.serviceCode());
        m.put("description", r.description());
        m.put("agency_responsible", r.agencyResponsible());
        m.put("service_notice", null);
        m.put("requested_datetime", w3c(r.requested()));
        m.put("updated_datetime", w3c(r.updated()));
        m.put("expected_datetime", w3c(r.expected()));
        m.put("address", r.address());
        m.put("address_id", r.addressId());
        m.put("zipcode", null);
        m.put("lat", r.lat());
        m.put("long", r.lon());
        m.put("media_url", r.mediaUrl());
        return m;
    }

    private static String w3c(OffsetDateTime t) {
        return t == null ? null : W3C.format(t);
    }

    private boolean english() {
        return "en".equals(Problems.locale(headers).getLanguage());
    }

    private String text(String key, Object... args) {
        return Messages.get(Problems.locale(headers), key, args);
    }
}
