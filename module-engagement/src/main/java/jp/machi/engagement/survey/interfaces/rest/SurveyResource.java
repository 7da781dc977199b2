package jp.machi.engagement.survey.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.BulkImports;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.i18n.Messages;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.identity.Role;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.persistence.Exports;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.survey.application.SurveyImport;
import jp.machi.engagement.survey.application.SurveyResults;
import jp.machi.engagement.survey.application.SurveyService;
import jp.machi.engagement.survey.domain.AgeGroup;
import jp.machi.engagement.survey.domain.Attribute;
import jp.machi.engagement.survey.domain.InvitationCode;
import jp.machi.engagement.survey.domain.QuestionKind;
import jp.machi.engagement.survey.domain.ResponseChannel;
import jp.machi.engagement.survey.domain.Sex;
import jp.machi.engagement.survey.domain.Survey;
import jp.machi.engagement.survey.domain.SurveyAnswer;
import jp.machi.engagement.survey.domain.SurveyChoice;
import jp.machi.engagement.survey.domain.SurveyQuestion;
import jp.machi.engagement.survey.domain.SurveyResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/engagement/surveys}: 市民意識調査・アンケート. Staff write a survey
 * (period, population, attributes, ordered questions with their choices; questions frozen once an
 * answer exists), issue invitation codes for its letters, type in paper answers, read results with a
 * cross-tabulation and the raw answers as CSV, and publish the results (holders of
 * {@value EngagementModule#APPROVER}). Anyone answers an open survey (anonymously; with a code when
 * the survey uses them) and reads published results. Every change of a survey, its questions and
 * choices included, raises its version (If-Match: the survey's ETag). No personal data is kept.
 */
@Path("municipalities/{lgCode}/engagement/surveys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class SurveyResource {

    private static final java.util.regex.Pattern METRIC_KEY = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final BigDecimal NUMBER_LIMIT = new BigDecimal("1000000000000");

    @Inject
    SurveyService surveys;

    @Inject
    jakarta.validation.Validator validator;

    @Inject
    SurveyResults results;

    @Inject
    PublicIntake intake;

    @Inject
    SurveyImport imports;

    @Inject
    Exports exports;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    // ---- views ----

    @JsonbPropertyOrder({"id", "seq", "label", "counted"})
    public record ChoiceView(UUID id, int seq, String label, boolean counted) {
    }

    @JsonbPropertyOrder({"id", "seq", "kind", "kindLabel", "text", "required", "metricKey", "choices"})
    public record QuestionView(UUID id, int seq, QuestionKind kind, String kindLabel, String text, boolean required,
            String metricKey, List<ChoiceView> choices) {
    }

    @JsonbPropertyOrder({"id", "fiscalYear", "fiscalYearLabel", "title", "description", "opensOn", "closesOn", "phase",
        "phaseLabel", "population", "unitId", "unitName", "attributes", "districts", "usesCodes", "codesIssued",
        "responses", "responseRate", "questionsFrozen", "resultsPublished", "resultsPublishedAt", "questions"})
    public record SurveyView(UUID id, int fiscalYear, String fiscalYearLabel, String title, String description,
            LocalDate opensOn, LocalDate closesOn, String phase, String phaseLabel, Integer population, UUID unitId,
            String unitName, List<Attribute> attributes, List<String> districts, boolean usesCodes, int codesIssued,
            long responses, BigDecimal responseRate, boolean questionsFrozen, boolean resultsPublished,
            OffsetDateTime resultsPublishedAt, List<QuestionView> questions) {
    }

    @JsonbPropertyOrder({"value", "label"})
    public record OptionView(String value, String label) {
    }

    @JsonbPropertyOrder({"attribute", "label", "options"})
    public record AttributeView(Attribute attribute, String label, List<OptionView> options) {
    }

    @JsonbPropertyOrder({"id", "seq", "kind", "text", "required", "choices"})
    public record PublicQuestionView(UUID id, int seq, QuestionKind kind, String text, boolean required,
            List<OptionView> choices) {
    }

    @JsonbPropertyOrder({"id", "fiscalYearLabel", "title", "description", "opensOn", "closesOn", "usesCodes",
        "attributes", "questions"})
    public record PublicSurveyView(UUID id, String fiscalYearLabel, String title, String description, LocalDate opensOn,
            LocalDate closesOn, boolean usesCodes, List<AttributeView> attributes, List<PublicQuestionView> questions) {
    }

    @JsonbPropertyOrder({"id", "fiscalYearLabel", "title", "opensOn", "closesOn", "unitName", "resultsPublishedAt"})
    public record PublishedSurveyView(UUID id, String fiscalYearLabel, String title, LocalDate opensOn, LocalDate closesOn,
            String unitName, OffsetDateTime resultsPublishedAt) {
    }

    /** {@code attributes}: the attributes the survey asked (value AGE_GROUP …, label 年代 …), the only ones to break down by. */
    @JsonbPropertyOrder({"surveyId", "title", "fiscalYearLabel", "respondents", "population", "responseRate", "attributes",
        "by", "byLabel", "questions"})
    public record ResultsView(UUID surveyId, String title, String fiscalYearLabel, long respondents, Integer population,
            BigDecimal responseRate, List<OptionView> attributes, Attribute by, String byLabel,
            List<SurveyResults.QuestionResult> questions) {
    }

    @JsonbPropertyOrder({"receiptNumber", "receivedOn"})
    public record Receipt(String receiptNumber, LocalDate receivedOn) {
    }

    @JsonbPropertyOrder({"seq", "code", "used"})
    public record CodeView(int seq, String code, boolean used) {
    }

    // ---- inputs ----

    public static class ChoiceInput {
        @NotBlank
        @Size(max = 200)
        public String label;

        /** Counts toward the question's indicator metric. */
        public Boolean counted;
    }

    public static class QuestionInput {
        @NotNull
        public QuestionKind kind;

        @NotBlank
        @Size(max = 500)
        public String text;

        public Boolean required;

        /** Lower-case letters, digits and hyphens: indicators bind to engagement:survey-share.KEY. */
        @Size(max = 40)
        public String metricKey;

        @Size(max = 50)
        public List<@Valid @NotNull ChoiceInput> choices;
    }

    /** A survey as staff give it. */
    public static class SurveyInput {
        @NotNull
        @Min(1989)
        @Max(2200)
        public Integer fiscalYear;

        @NotBlank
        @Size(max = 200)
        public String title;

        @Size(max = 2000)
        public String description;

        @NotNull
        public LocalDate opensOn;

        @NotNull
        public LocalDate closesOn;

        @Min(1)
        @Max(10000000)
        public Integer population;

        public UUID unitId;

        @Size(max = 3)
        public List<@NotNull Attribute> attributes;

        @Size(max = 50)
        public List<@NotBlank @Size(max = 100) String> districts;

        public Boolean usesCodes;

        public Boolean resultsPublished;

        /** Required on creation; left out on an edit, the questions stay as they are. */
        @Size(max = 100)
        public List<@Valid @NotNull QuestionInput> questions;
    }

    public static class CodesInput {
        @NotNull
        @Min(1)
        @Max(SurveyService.MAX_CODES)
        public Integer count;
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SurveyAnswerItemInput") // a name of its own in /openapi: other classes are called ItemInput too
    public static class ItemInput {
        @NotNull
        public UUID questionId;

        @Size(max = 50)
        public List<@NotNull UUID> choiceIds;

        public BigDecimal number;

        @Size(max = 2000)
        public String text;
    }

    /** One answer sheet. */
    public static class AnswerInput {
        @Size(max = 20)
        public String code;

        public AgeGroup ageGroup;

        @Size(max = 100)
        public String district;

        public Sex sex;

        @NotNull
        @Size(min = 1, max = 100)
        public List<@Valid @NotNull ItemInput> answers;

        /** The honeypot: left empty by people. */
        @Size(max = 200)
        public String website;

        /** Staff only (default for staff: PAPER). */
        public ResponseChannel channel;

        /** Staff only: the day a paper form arrived. */
        public LocalDate receivedOn;
    }

    // ---- staff ----

    @GET
    @Access(minimum = Role.VIEWER)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "List surveys, newest first (filters: fiscalYear e.g. 2019, phase UPCOMING/OPEN/CLOSED; ?sort="
            + " fiscalYear, opensOn, closesOn, title; paged in the database; CSV with ?format=csv, streamed)")
    @Answers(value = SurveyView.class, page = true)
    public Response list(@BeanParam PageRequest paging, @QueryParam("format") String format,
            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("phase") String phase,
            @QueryParam("sort") String sort) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Integer fy = fiscalYear(fiscalYear, errors);
        String p = phase == null || phase.isBlank() ? null : phase.strip().toUpperCase(Locale.ROOT);
        if (p != null && !Set.of("UPCOMING", "OPEN", "CLOSED").contains(p)) {
            errors.add(new ApiException.FieldErrorKey("phase", "engagement.survey.phaseUnknown", phase));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean csv = Csv.requested(format, headers);
        if (!csv) {
            paging.offset();
        }
        Locale l = Problems.locale(headers);
        var query = surveys.list(new SurveyService.Filter(fy, p), SurveyService.SORT.parse(sort));
        if (csv) {
            return Csv.stream("surveys.csv",
                    List.of("fiscalYear", "title", "opensOn", "closesOn", "phase", "population", "responses",
                            "responseRate", "unit", "resultsPublished").stream()
                            .map(c -> Messages.get(l, "engagement.csv.survey." + c)).toList(),
                    exports.of(query, s -> view(s, l)), v -> Arrays.asList(v.fiscalYearLabel(), v.title(), v.opensOn(),
                            v.closesOn(), v.phaseLabel(), v.population(), v.responses(), v.responseRate(), v.unitName(),
                            v.resultsPublished()));
        }
        return Response.ok(query.page(paging).map(s -> view(s, l))).build();
    }

    @POST
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Write a survey: fiscal year, period, population, attributes, ordered questions with choices")
    @Answers(value = SurveyView.class, status = 201)
    public Response create(@Valid SurveyInput body) {
        Bodies.require(body);
        if (body.questions == null || body.questions.isEmpty()) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("questions", "engagement.survey.questionsNeeded")));
        }
        Survey.Details d = details(body, null);
        Survey s = surveys.create(d, questions(body.questions));
        return Response.status(201).entity(view(s, Problems.locale(headers))).tag(Versions.tag(s.getVersion())).build();
    }

    @GET
    @Path("{id}")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "One survey with its questions and choices")
    @Answers(SurveyView.class)
    public Response get(@PathParam("id") UUID id) {
        Survey s = surveys.require(id);
        return Response.ok(view(s, Problems.locale(headers))).tag(Versions.tag(s.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Edit a survey (If-Match required); questions left out stay, changed ones are refused (409) once"
            + " an answer exists; publishing the results: holders of engagement.approver only (403), after the period")
    @Answers(SurveyView.class)
    public Response update(@PathParam("id") UUID id, @Valid SurveyInput body) {
        Bodies.require(body);
        Survey s = surveys.require(id);
        Versions.requireMatch(request, headers, s.getVersion());
        Survey.Details d = details(body, s);
        if (d.resultsPublished() && !s.isResultsPublished()
                && CallerContext.current().filter(c -> c.holds(EngagementModule.APPROVER)).isEmpty()) {
            throw new ApiException(403, "forbidden", "engagement.survey.approverOnly");
        }
        if (d.resultsPublished() && !d.closesOn().isBefore(SurveyService.today())) {
            throw ApiException.conflict("survey-not-closed", "engagement.survey.notClosed");
        }
        surveys.edit(s, d, body.questions == null ? null : questions(body.questions));
        return Response.ok(view(s, Problems.locale(headers))).tag(Versions.tag(s.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Delete a survey written by mistake, with its questions and invitation codes (If-Match required;"
            + " 409 survey-has-answers once an answer sheet exists, 409 survey-open while it is open)")
    @Answers(status = 204)
    public Response delete(@PathParam("id") UUID id) {
        Survey s = surveys.require(id);
        Versions.requireMatch(request, headers, s.getVersion());
        surveys.delete(s);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/codes")
    @Access(minimum = Role.STAFF)
    @Transactional
    @Operation(summary = "Issue invitation codes for the survey's letters, one answer each (If-Match required; 409 when"
            + " the survey does not use codes); GET …/codes?format=csv lists them for printing")
    @Answers(value = SurveyView.class, status = 201)
    public Response issueCodes(@PathParam("id") UUID id, CodesInput body) {
        Survey s = surveys.require(id);
        Bodies.valid(validator, Bodies.require(body));
        Versions.requireMatch(request, headers, s.getVersion());
        if (!s.isUsesCodes()) {
            throw ApiException.conflict("survey-without-codes", "engagement.survey.noCodes");
        }
        surveys.issueCodes(s, body.count);
        return Response.status(201).entity(view(s, Problems.locale(headers))).tag(Versions.tag(s.getVersion())).build();
    }

    @GET
    @Path("{id}/codes")
    @Access(minimum = Role.STAFF)
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "The survey's invitation codes in the order issued, used or not (CSV with ?format=csv, for"
            + " printing on the letters; paged in the database)")
    @Answers(value = CodeView.class, page = true)
    public Response codes(@PathParam("id") UUID id, @BeanParam PageRequest paging, @QueryParam("format") String format) {
        Survey s = surveys.require(id);
        boolean csv = Csv.requested(format, headers);
        var query = surveys.codes(s);
        if (csv) {
            Locale l = Problems.locale(headers);
            return Csv.stream("survey-codes.csv", List.of("seq", "code", "used").stream()
                    .map(c -> Messages.get(l, "engagement.csv.surveyCode." + c)).toList(),
                    exports.of(query, SurveyResource::codeView), v -> Arrays.asList(v.seq(), v.code(), v.used()));
        }
        paging.offset();
        return Response.ok(query.page(paging).map(SurveyResource::codeView)).build();
    }

    @GET
    @Path("{id}/results")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The survey's results: respondents, response rate, counts and shares per choice or scale point,"
            + " means; ?by=AGE_GROUP, DISTRICT or SEX adds a cross-tabulation (counted in the database)")
    @Answers(ResultsView.class)
    public ResultsView results(@PathParam("id") UUID id, @QueryParam("by") String by) {
        Survey s = surveys.require(id);
        return resultsView(s, by);
    }

    @GET
    @Path("{id}/answers")
    @Access(minimum = Role.STAFF)
    @Produces(Csv.MEDIA_TYPE)
    @Transactional
    @Operation(summary = "The raw answers as CSV (UTF-8 with BOM, streamed): one line per answer sheet, one column per"
            + " question, free text included (staff only; no personal data is kept with answers)")
    @Answers
    public Response answers(@PathParam("id") UUID id) {
        Survey s = surveys.require(id);
        Locale l = Problems.locale(headers);
        List<SurveyQuestion> qs = s.getQuestions();
        List<String> header = new ArrayList<>(List.of("receiptNumber", "receivedAt", "channel", "ageGroup", "district", "sex")
                .stream().map(c -> Messages.get(l, "engagement.csv.surveyAnswer." + c)).toList());
        qs.forEach(q -> header.add("Q" + q.getSeq() + " " + q.getText()));
        Map<UUID, String> choiceLabels = new LinkedHashMap<>();
        Map<UUID, Integer> choiceOrder = new java.util.HashMap<>();
        qs.forEach(q -> q.getChoices().forEach(c -> {
            choiceLabels.put(c.getId(), c.getLabel());
            choiceOrder.put(c.getId(), c.getSeq());
        }));
        return Csv.stream("survey-answers.csv", header, exports.of(surveys.responsesOf(s), r -> {
            List<Object> row = new ArrayList<>(Arrays.asList(r.getReceiptNumber(),
                    r.getReceivedAt().atZoneSameInstant(SurveyService.JAPAN).toOffsetDateTime().toString(),
                    r.getChannel().label().in(l), r.getAgeGroup() == null ? null : r.getAgeGroup().label().in(l),
                    r.getDistrict(), r.getSex() == null ? null : r.getSex().label().in(l)));
            Map<UUID, List<SurveyAnswer>> by = r.getAnswers().stream()
                    .collect(Collectors.groupingBy(SurveyAnswer::getQuestionId));
            for (SurveyQuestion q : qs) {
                List<SurveyAnswer> a = by.getOrDefault(q.getId(), List.of());
                row.add(a.isEmpty() ? null : a.stream().sorted(java.util.Comparator.comparingInt(x -> x.getChoiceId() == null ? 0
                        : choiceOrder.getOrDefault(x.getChoiceId(), 0))).map(x -> x.getChoiceId() != null ? choiceLabels.get(x.getChoiceId())
                        : x.getNumberValue() != null ? x.getNumberValue().stripTrailingZeros().toPlainString()
                        : x.getTextValue()).collect(Collectors.joining("、")));
            }
            return row;
        }), row -> row);
    }

    @GET
    @Path("{id}/answers/template")
    @Access(minimum = Role.STAFF)
    @Produces(Csv.MEDIA_TYPE)
    @Transactional
    @Operation(summary = "The CSV template for paper answers (UTF-8 with BOM): 整理番号, 受付日, the attributes the survey"
            + " asks, one column per question (問1 …), headers in the caller's language; fill one row per answer sheet")
    @Answers
    public Response template(@PathParam("id") UUID id) {
        Survey s = surveys.require(id);
        return Csv.response("survey-answers-template.csv", SurveyImport.header(s, Problems.locale(headers)),
                List.<List<Object>>of(), row -> row);
    }

    @JsonbPropertyOrder({"charset", "rowCount", "imported", "skipped", "skippedSheets", "firstReceipt", "lastReceipt",
        "responses"})
    public record ImportView(String charset, int rowCount, int imported, int skipped, List<String> skippedSheets,
            String firstReceipt, String lastReceipt, long responses) {
    }

    @POST
    @Path("{id}/answers" + BulkImports.PATH_SUFFIX)
    @Access(minimum = Role.STAFF)
    // Any Content-Type: the body is the file's bytes whatever the client calls it; only its charset is used.
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Import paper answers from a CSV file in the template's shape (UTF-8 with or without BOM, or"
            + " Shift_JIS): one row per answer sheet; choices by number or words, several separated by 、 or ;. Any row"
            + " error: 422 naming every failing row and column, nothing written. A sheet number (整理番号) imported before"
            + " is skipped and listed, so importing a file again stores nothing twice. At most 5,000 rows and"
            + " machi.engagement.survey-import-max-bytes (2 MiB by default; 413 beyond)")
    @Answers(value = ImportView.class, status = 201)
    public Response importAnswers(@PathParam("id") UUID id, InputStream body) {
        Survey s = surveys.require(id);
        long max = SurveyImport.maxBytes();
        if (headers.getLength() > max) {
            throw new ApiException(413, "payload-too-large", "problem.payloadTooLarge.detail", max);
        }
        LocalDate today = SurveyService.today();
        if (today.isBefore(s.getOpensOn())) {
            throw ApiException.conflict("survey-not-open", "engagement.survey.notOpen");
        }
        MediaType type = headers.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        SurveyImport.Report r = imports.importFile(s, BulkImports.bounded(body == null ? InputStream.nullInputStream() : body,
                max), charset, today);
        ImportView view = new ImportView(r.charset(), r.rows(), r.imported(), r.skipped().size(),
                r.skipped().stream().limit(100).toList(), r.firstReceipt(), r.lastReceipt(), surveys.responses(s));
        return Response.status(201).entity(view).build();
    }

    // ---- anyone ----

    @POST
    @Path("{id}/answers")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Answer a survey (anyone, anonymously, during its period; with an unused invitation code when"
            + " the survey uses codes; 201 with a receipt number only). Idempotency-Key header: a retry gives the first"
            + " answer, stored once. Staff typing in a paper form may do so after the period, give receivedOn, need no code")
    @Answers(value = Receipt.class, status = 201)
    public Response answer(@PathParam("id") UUID id, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnswerInput.class))) InputStream raw) {
        // The survey first, then the body: another municipality's id is 404 whatever the body holds.
        Survey s = surveys.require(id);
        AnswerInput body = Bodies.valid(validator, Bodies.read(raw, AnswerInput.class));
        boolean staff = CallerContext.current().filter(c -> c.has(Role.STAFF)).isPresent();
        LocalDate today = SurveyService.today();
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (!staff && body.channel != null) {
            errors.add(new ApiException.FieldErrorKey("channel", "engagement.survey.staffOnly"));
        }
        if (!staff && body.receivedOn != null) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "engagement.survey.staffOnly"));
        }
        if (body.receivedOn != null && (body.receivedOn.isAfter(today) || body.receivedOn.isBefore(s.getOpensOn()))) {
            errors.add(new ApiException.FieldErrorKey("receivedOn", "engagement.survey.receivedOutside"));
        }
        String code = blankToNull(body.code);
        if (!staff && s.isUsesCodes() && code == null) {
            errors.add(new ApiException.FieldErrorKey("code", "engagement.survey.codeNeeded"));
        } else if (code != null && !CODE.matcher(code).matches()) {
            errors.add(new ApiException.FieldErrorKey("code", "engagement.survey.codeUnknown"));
        }
        Set<Attribute> asked = s.getAttributes();
        if (body.ageGroup != null && !asked.contains(Attribute.AGE_GROUP)) {
            errors.add(new ApiException.FieldErrorKey("ageGroup", "engagement.survey.attributeNotAsked"));
        }
        if (body.sex != null && !asked.contains(Attribute.SEX)) {
            errors.add(new ApiException.FieldErrorKey("sex", "engagement.survey.attributeNotAsked"));
        }
        String district = blankToNull(body.district);
        if (district != null && !(asked.contains(Attribute.DISTRICT) && s.getDistricts().contains(district))) {
            errors.add(new ApiException.FieldErrorKey("district", "engagement.survey.districtUnknown"));
        }
        List<Item> items = items(s, body.answers, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (!staff && !s.isOpenOn(today)) {
            throw ApiException.conflict("survey-not-open", "engagement.survey.notOpen");
        }
        if (staff && today.isBefore(s.getOpensOn())) {
            throw ApiException.conflict("survey-not-open", "engagement.survey.notOpen");
        }
        ResponseChannel channel = body.channel != null ? body.channel : staff ? ResponseChannel.PAPER : ResponseChannel.WEB;
        OffsetDateTime receivedAt = body.receivedOn == null ? null
                : body.receivedOn.atStartOfDay(SurveyService.JAPAN).toOffsetDateTime();
        return intake.accept(headers, SurveyService.SERIES, body, body.website, receivedAt, in -> {
            if (code != null) {
                surveys.useCode(s, code.toUpperCase(Locale.ROOT));
            }
            SurveyResponse r = new SurveyResponse(s.getId(), in.receiptNumber(), in.receivedAt(), channel, body.ageGroup,
                    district, body.sex, in.spam());
            for (Item i : items) {
                r.answer(i.question(), i.choice(), i.number(), i.text());
            }
            surveys.store(r);
            return new Receipt(r.getReceiptNumber(), r.getReceivedAt().atZoneSameInstant(SurveyService.JAPAN).toLocalDate());
        });
    }

    @GET
    @Path("open")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Surveys open for answers today, with their questions (anyone)")
    @Answers(value = PublicSurveyView.class, page = true)
    public Page<PublicSurveyView> open(@BeanParam PageRequest paging) {
        paging.offset();
        Locale l = Problems.locale(headers);
        return surveys.open(SurveyService.SORT.parse("closesOn")).page(paging).map(s -> publicView(s, l));
    }

    @GET
    @Path("open/{id}")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "One survey open for answers today, with its questions and choices (anyone; 404 otherwise)")
    @Answers(PublicSurveyView.class)
    public PublicSurveyView openOne(@PathParam("id") UUID id) {
        Survey s = surveys.require(id);
        if (!s.isOpenOn(SurveyService.today())) {
            throw ApiException.notFound("engagement.survey.notFound", id.toString());
        }
        return publicView(s, Problems.locale(headers));
    }

    @GET
    @Path("published")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "Surveys whose results are published (anyone)")
    @Answers(value = PublishedSurveyView.class, page = true)
    public Page<PublishedSurveyView> published(@BeanParam PageRequest paging) {
        paging.offset();
        Locale l = Problems.locale(headers);
        return surveys.published(SurveyService.SORT.parse(null)).page(paging).map(s -> new PublishedSurveyView(s.getId(),
                FiscalYear.of(s.getFiscalYear()).label(l), s.getTitle(), s.getOpensOn(), s.getClosesOn(),
                surveys.unitName(s.getUnitId()).orElse(null), s.getResultsPublishedAt() == null ? null
                        : s.getResultsPublishedAt().atZoneSameInstant(SurveyService.JAPAN).toOffsetDateTime()));
    }

    @GET
    @Path("published/{id}")
    @Access(Access.Level.PUBLIC)
    @Transactional
    @Operation(summary = "A survey's published results (anyone; 404 until published; ?by=AGE_GROUP, DISTRICT or SEX adds"
            + " a cross-tabulation; never free text)")
    @Answers(ResultsView.class)
    public ResultsView publishedOne(@PathParam("id") UUID id, @QueryParam("by") String by) {
        Survey s = surveys.require(id);
        if (!s.isResultsPublished()) {
            throw ApiException.notFound("engagement.survey.notFound", id.toString());
        }
        return resultsView(s, by);
    }

    // ---- helpers ----

    private ResultsView resultsView(Survey s, String by) {
        Locale l = Problems.locale(headers);
        Attribute a = null;
        if (by != null && !by.isBlank()) {
            try {
                a = Attribute.valueOf(by.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("by", "engagement.survey.byUnknown", by)));
            }
            if (!s.getAttributes().contains(a)) {
                throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("by", "engagement.survey.byNotAsked",
                        a.label().in(l))));
            }
        }
        SurveyResults.Results r = results.of(s, a, l);
        List<OptionView> asked = Arrays.stream(Attribute.values()).filter(s.getAttributes()::contains)
                .map(x -> new OptionView(x.name(), x.label().in(l))).toList();
        return new ResultsView(s.getId(), s.getTitle(), FiscalYear.of(s.getFiscalYear()).label(l), r.respondents(),
                r.population(), r.responseRate(), asked, a, a == null ? null : a.label().in(l), r.questions());
    }

    private record Item(UUID question, UUID choice, BigDecimal number, String text) {
    }

    /** Checks each answer against its question's kind; collects the rows to store. */
    private static List<Item> items(Survey s, List<ItemInput> answers, List<ApiException.FieldErrorKey> errors) {
        List<Item> items = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            ItemInput in = answers.get(i);
            String f = "answers[" + i + "]";
            SurveyQuestion q = s.question(in.questionId).orElse(null);
            if (q == null) {
                errors.add(new ApiException.FieldErrorKey(f + ".questionId", "engagement.survey.questionUnknown"));
                continue;
            }
            if (!seen.add(q.getId())) {
                errors.add(new ApiException.FieldErrorKey(f + ".questionId", "engagement.survey.questionTwice"));
                continue;
            }
            List<UUID> choices = in.choiceIds == null ? List.of() : in.choiceIds;
            String text = blankToNull(in.text);
            switch (q.getKind()) {
                case SINGLE, MULTIPLE -> {
                    if (in.number != null || text != null || choices.isEmpty()
                            || (q.getKind() == QuestionKind.SINGLE && choices.size() != 1)
                            || new HashSet<>(choices).size() != choices.size()) {
                        errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.answerChoice"));
                        continue;
                    }
                    for (UUID c : choices) {
                        if (q.choice(c).isEmpty()) {
                            errors.add(new ApiException.FieldErrorKey(f + ".choiceIds", "engagement.survey.choiceUnknown"));
                        } else {
                            items.add(new Item(q.getId(), c, null, null));
                        }
                    }
                }
                case SCALE -> {
                    if (!choices.isEmpty() || text != null || in.number == null || in.number.stripTrailingZeros().scale() > 0
                            || in.number.compareTo(BigDecimal.ONE) < 0 || in.number.compareTo(BigDecimal.valueOf(5)) > 0) {
                        errors.add(new ApiException.FieldErrorKey(f + ".number", "engagement.survey.answerScale"));
                    } else {
                        items.add(new Item(q.getId(), null, in.number.setScale(0), null));
                    }
                }
                case NUMBER -> {
                    if (!choices.isEmpty() || text != null || in.number == null || in.number.abs().compareTo(NUMBER_LIMIT) >= 0
                            || in.number.stripTrailingZeros().scale() > 2) {
                        errors.add(new ApiException.FieldErrorKey(f + ".number", "engagement.survey.answerNumber"));
                    } else {
                        items.add(new Item(q.getId(), null, in.number, null));
                    }
                }
                case TEXT -> {
                    if (!choices.isEmpty() || in.number != null || text == null) {
                        errors.add(new ApiException.FieldErrorKey(f + ".text", "engagement.survey.answerText"));
                    } else {
                        items.add(new Item(q.getId(), null, null, text));
                    }
                }
            }
        }
        for (SurveyQuestion q : s.getQuestions()) {
            if (q.isRequired() && !seen.contains(q.getId())) {
                errors.add(new ApiException.FieldErrorKey("answers", "engagement.survey.requiredMissing", q.getSeq()));
            }
        }
        return items;
    }

    private static List<Survey.QuestionSpec> questions(List<QuestionInput> in) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        List<Survey.QuestionSpec> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            QuestionInput q = in.get(i);
            String f = "questions[" + i + "]";
            List<ChoiceInput> choices = q.choices == null ? List.of() : q.choices;
            if (q.kind.hasChoices() && choices.size() < 2) {
                errors.add(new ApiException.FieldErrorKey(f + ".choices", "engagement.survey.choicesNeeded"));
            } else if (!q.kind.hasChoices() && !choices.isEmpty()) {
                errors.add(new ApiException.FieldErrorKey(f + ".choices", "engagement.survey.choicesNotForKind"));
            }
            Set<String> labels = new HashSet<>();
            for (ChoiceInput c : choices) {
                if (!labels.add(c.label.strip())) {
                    errors.add(new ApiException.FieldErrorKey(f + ".choices", "engagement.survey.choiceTwice", c.label.strip()));
                }
            }
            String key = blankToNull(q.metricKey);
            if (key != null && !METRIC_KEY.matcher(key).matches()) {
                errors.add(new ApiException.FieldErrorKey(f + ".metricKey", "engagement.survey.metricKeyMalformed"));
            }
            boolean anyCounted = choices.stream().anyMatch(c -> Boolean.TRUE.equals(c.counted));
            if (key != null && !anyCounted) {
                errors.add(new ApiException.FieldErrorKey(f + ".choices", "engagement.survey.countedNeeded"));
            }
            if (key == null && anyCounted) {
                errors.add(new ApiException.FieldErrorKey(f + ".metricKey", "engagement.survey.metricKeyNeeded"));
            }
            out.add(new Survey.QuestionSpec(q.kind, q.text.strip(), Boolean.TRUE.equals(q.required), key,
                    choices.stream().map(c -> new Survey.ChoiceSpec(c.label.strip(), Boolean.TRUE.equals(c.counted))).toList()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return out;
    }

    private static Survey.Details details(SurveyInput b, Survey current) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        if (b.opensOn.getYear() < 1989 || b.opensOn.getYear() > 2200) {
            errors.add(new ApiException.FieldErrorKey("opensOn", "engagement.survey.dateOutOfRange"));
        }
        if (b.closesOn.getYear() < 1989 || b.closesOn.getYear() > 2200) {
            errors.add(new ApiException.FieldErrorKey("closesOn", "engagement.survey.dateOutOfRange"));
        }
        if (b.closesOn.isBefore(b.opensOn)) {
            errors.add(new ApiException.FieldErrorKey("closesOn", "engagement.survey.closesBeforeOpens"));
        }
        Set<Attribute> attributes = b.attributes == null || b.attributes.isEmpty() ? EnumSet.noneOf(Attribute.class)
                : EnumSet.copyOf(b.attributes);
        List<String> districts = b.districts == null ? List.of() : b.districts.stream().map(String::strip).toList();
        if (new HashSet<>(districts).size() != districts.size() || districts.stream().anyMatch(d -> d.contains("\n"))) {
            errors.add(new ApiException.FieldErrorKey("districts", "engagement.survey.districtsMalformed"));
        } else if (String.join("\n", districts).length() > 2000) {
            errors.add(new ApiException.FieldErrorKey("districts", "engagement.survey.districtsTooLong"));
        }
        if (attributes.contains(Attribute.DISTRICT) && districts.isEmpty()) {
            errors.add(new ApiException.FieldErrorKey("districts", "engagement.survey.districtsNeeded"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean usesCodes = Boolean.TRUE.equals(b.usesCodes);
        if (current != null && current.getCodesIssued() > 0 && !usesCodes) {
            throw ApiException.conflict("survey-codes-issued", "engagement.survey.codesIssued");
        }
        return new Survey.Details(b.fiscalYear, b.title.strip(), blankToNull(b.description), b.opensOn, b.closesOn,
                b.population, b.unitId, attributes, attributes.contains(Attribute.DISTRICT) ? districts : List.of(),
                usesCodes, Boolean.TRUE.equals(b.resultsPublished));
    }

    private SurveyView view(Survey s, Locale l) {
        long responses = surveys.responses(s);
        LocalDate today = SurveyService.today();
        String phase = today.isBefore(s.getOpensOn()) ? "UPCOMING" : today.isAfter(s.getClosesOn()) ? "CLOSED" : "OPEN";
        return new SurveyView(s.getId(), s.getFiscalYear(), FiscalYear.of(s.getFiscalYear()).label(l), s.getTitle(),
                s.getDescription(), s.getOpensOn(), s.getClosesOn(), phase,
                Messages.get(l, "engagement.survey.phase." + phase), s.getPopulation(), s.getUnitId(),
                surveys.unitName(s.getUnitId()).orElse(null), List.copyOf(s.getAttributes()), s.getDistricts(),
                s.isUsesCodes(), s.getCodesIssued(), responses, s.getPopulation() == null ? null
                        : SurveyResults.percent(responses, s.getPopulation()), responses > 0, s.isResultsPublished(),
                s.getResultsPublishedAt() == null ? null
                        : s.getResultsPublishedAt().atZoneSameInstant(SurveyService.JAPAN).toOffsetDateTime(),
                s.getQuestions().stream().map(q -> new QuestionView(q.getId(), q.getSeq(), q.getKind(),
                        q.getKind().label().in(l), q.getText(), q.isRequired(), q.getMetricKey(),
                        q.getChoices().stream().map(c -> new ChoiceView(c.getId(), c.getSeq(), c.getLabel(), c.isCounted()))
                                .toList())).toList());
    }

    private PublicSurveyView publicView(Survey s, Locale l) {
        List<AttributeView> attributes = new ArrayList<>();
        for (Attribute a : s.getAttributes()) {
            List<OptionView> options = switch (a) {
                case AGE_GROUP -> Arrays.stream(AgeGroup.values()).map(g -> new OptionView(g.name(), g.label().in(l))).toList();
                case SEX -> Arrays.stream(Sex.values()).map(x -> new OptionView(x.name(), x.label().in(l))).toList();
                case DISTRICT -> s.getDistricts().stream().map(d -> new OptionView(d, d)).toList();
            };
            attributes.add(new AttributeView(a, a.label().in(l), options));
        }
        return new PublicSurveyView(s.getId(), FiscalYear.of(s.getFiscalYear()).label(l), s.getTitle(), s.getDescription(),
                s.getOpensOn(), s.getClosesOn(), s.isUsesCodes(), attributes,
                s.getQuestions().stream().map(q -> new PublicQuestionView(q.getId(), q.getSeq(), q.getKind(), q.getText(),
                        q.isRequired(), q.getChoices().stream().map((SurveyChoice c) -> new OptionView(c.getId().toString(),
                                c.getLabel())).toList())).toList());
    }

    private static CodeView codeView(InvitationCode c) {
        return new CodeView(c.getSeq(), c.getCode(), c.isUsed());
    }

    private static Integer fiscalYear(String value, List<ApiException.FieldErrorKey> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{4}") && Integer.parseInt(v) >= 1989 && Integer.parseInt(v) <= 2200) {
            return Integer.parseInt(v);
        }
        errors.add(new ApiException.FieldErrorKey("fiscalYear", "engagement.survey.fiscalYearMalformed", value));
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
