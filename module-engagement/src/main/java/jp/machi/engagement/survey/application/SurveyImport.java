package jp.machi.engagement.survey.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.CsvRecords;
import jp.machi.core.i18n.Messages;
import jp.machi.core.intake.Intake;
import jp.machi.core.intake.PublicIntake;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.survey.domain.AgeGroup;
import jp.machi.engagement.survey.domain.Attribute;
import jp.machi.engagement.survey.domain.ResponseChannel;
import jp.machi.engagement.survey.domain.Sex;
import jp.machi.engagement.survey.domain.Survey;
import jp.machi.engagement.survey.domain.SurveyChoice;
import jp.machi.engagement.survey.domain.SurveyQuestion;
import jp.machi.engagement.survey.domain.SurveyResponse;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Paper answers (紙の調査票) imported from a CSV file: one row per respondent, the columns of the
 * survey's template ({@link #header}): 整理番号 (the number staff wrote on the sheet), 受付日, the
 * attributes the survey asks, one column per question. Every row is checked before anything is
 * written (all or nothing; errors name row and column). A sheet number imported before is skipped,
 * so importing the same file twice, or a file that repeats sheets of an earlier one, stores each
 * sheet once. A file has its own limits: {@link #maxBytes()} and {@value #MAX_ROWS} rows.
 */
@ApplicationScoped
@Transactional
public class SurveyImport {

    /** At most this many answer sheets per file (a survey of 2,000 residents brings back about 1,000). */
    public static final int MAX_ROWS = 5_000;

    /** The default size limit of one file, 2 MiB: 5,000 sheets of 50 short answers. */
    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024;

    /** Errors listed in the problem at most. */
    static final int MAX_ERRORS = 200;

    private static final Pattern SHEET = Pattern.compile("[A-Za-z0-9-]{1,20}");
    /** 「問1 …」 or 「Q1 …」: the question's number, then a space or a stop before its words (or nothing). */
    private static final Pattern QUESTION = Pattern.compile("^(?:問|q)\\s*(\\d{1,3})(?:[\\s.:、)].*)?$");
    private static final Pattern SEPARATORS = Pattern.compile("[、,;；/]");
    private static final BigDecimal NUMBER_LIMIT = new BigDecimal("1000000000000");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"));

    @Inject
    Tenancy tenancy;

    @Inject
    PublicIntake intake;

    /** What an import did: rows read, sheets stored, sheets skipped as imported before. */
    public record Report(String charset, int rows, int imported, List<String> skipped, String firstReceipt,
            String lastReceipt) {
    }

    private enum Kind { SHEET, RECEIVED_ON, AGE_GROUP, DISTRICT, SEX, QUESTION }

    private record Column(Kind kind, SurveyQuestion question) {
    }

    private record Item(UUID question, UUID choice, BigDecimal number, String text) {
    }

    private record Sheet(int line, String number, LocalDate receivedOn, AgeGroup age, String district, Sex sex,
            List<Item> items) {
    }

    /** The deployment's size limit for one file ({@code machi.engagement.survey-import-max-bytes}). */
    public static long maxBytes() {
        return ConfigProvider.getConfig().getOptionalValue("machi.engagement.survey-import-max-bytes", Long.class)
                .orElse(DEFAULT_MAX_BYTES);
    }

    /** The template's header in the caller's language: 整理番号, 受付日, the attributes asked, 問1 … */
    public static List<String> header(Survey s, Locale l) {
        List<String> h = new ArrayList<>(List.of(Messages.get(l, "engagement.survey.import.column.sheet"),
                Messages.get(l, "engagement.survey.import.column.receivedOn")));
        for (Attribute a : Attribute.values()) {
            if (s.getAttributes().contains(a)) {
                h.add(a.label().in(l));
            }
        }
        for (SurveyQuestion q : s.getQuestions()) {
            h.add(Messages.get(l, "engagement.survey.import.column.question", String.valueOf(q.getSeq()), q.getText()));
        }
        return h;
    }

    public Report importFile(Survey s, InputStream body, String declaredCharset, LocalDate today) {
        Locale l = Locale.JAPANESE;
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        Set<Integer> failed = new HashSet<>();
        List<Sheet> sheets = new ArrayList<>();
        String charset;
        try (CsvRecords csv = CsvRecords.open(body, declaredCharset)) {
            charset = csv.charset().name();
            CsvRecords.Record head = csv.next(600);
            if (head == null) {
                throw rejected(List.of(new ApiException.FieldErrorKey("file", "engagement.survey.import.noRows")), 0);
            }
            List<Column> columns = columns(s, head, errors);
            if (!errors.isEmpty()) {
                throw rejected(errors, 1);
            }
            Map<String, Integer> sheetLines = new HashMap<>();
            CsvRecords.Record r;
            int rows = 0;
            while ((r = csv.next(2001)) != null) {
                if (++rows > MAX_ROWS) {
                    throw rejected(List.of(new ApiException.FieldErrorKey("file", "engagement.survey.import.tooManyRows",
                            String.valueOf(MAX_ROWS))), 0);
                }
                int before = errors.size();
                Sheet sheet = sheet(s, r, head.fields(), columns, today, sheetLines, errors);
                if (errors.size() > before) {
                    failed.add(r.line());
                } else {
                    sheets.add(sheet);
                }
            }
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "invalid-encoding", "engagement.survey.import.encoding");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw rejected(errors, failed.size());
        }
        if (sheets.isEmpty()) {
            throw rejected(List.of(new ApiException.FieldErrorKey("file", "engagement.survey.import.noRows")), 0);
        }
        return write(s, sheets, charset);
    }

    private Report write(Survey s, List<Sheet> sheets, String charset) {
        EntityManager em = tenancy.em();
        Set<String> known = new HashSet<>(em.createQuery("SELECT r.sheetNumber FROM SurveyResponse r WHERE r.surveyId = :s"
                + " AND r.sheetNumber IS NOT NULL", String.class).setParameter("s", s.getId()).getResultList());
        List<String> skipped = new ArrayList<>();
        String first = null;
        String last = null;
        int imported = 0;
        try {
            for (Sheet sheet : sheets) {
                if (known.contains(sheet.number())) {
                    skipped.add(sheet.number());
                    continue;
                }
                OffsetDateTime at = sheet.receivedOn().atStartOfDay(SurveyService.JAPAN).toOffsetDateTime();
                Intake in = intake.number(SurveyService.SERIES, at);
                SurveyResponse r = new SurveyResponse(s.getId(), in.receiptNumber(), in.receivedAt(), ResponseChannel.PAPER,
                        sheet.age(), sheet.district(), sheet.sex(), false);
                r.sheetNumber(sheet.number());
                for (Item i : sheet.items()) {
                    r.answer(i.question(), i.choice(), i.number(), i.text());
                }
                em.persist(r);
                if (++imported % 200 == 0) {
                    em.flush();
                }
                first = first == null ? in.receiptNumber() : first;
                last = in.receiptNumber();
            }
            em.flush();
        } catch (PersistenceException e) {
            // The unique (survey, sheet number) index: another import stored the same sheet meanwhile.
            throw ApiException.conflict("survey-import-conflict", "engagement.survey.import.conflict");
        }
        return new Report(charset, sheets.size(), imported, skipped, first, last);
    }

    private static ApiException rejected(List<ApiException.FieldErrorKey> errors, int failedRows) {
        List<ApiException.FieldErrorKey> listed = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
        return new ApiException(422, "import-rejected", List.copyOf(listed), "engagement.survey.import.rejected",
                String.valueOf(failedRows), String.valueOf(errors.size()));
    }

    /** Which column is which: every column of the template but 受付日 must be there, nothing else. */
    private static List<Column> columns(Survey s, CsvRecords.Record head, List<ApiException.FieldErrorKey> errors) {
        Map<String, Kind> names = new HashMap<>();
        for (Locale l : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
            names.put(key(Messages.get(l, "engagement.survey.import.column.sheet")), Kind.SHEET);
            names.put(key(Messages.get(l, "engagement.survey.import.column.receivedOn")), Kind.RECEIVED_ON);
            names.put(key(Attribute.AGE_GROUP.label().in(l)), Kind.AGE_GROUP);
            names.put(key(Attribute.DISTRICT.label().in(l)), Kind.DISTRICT);
            names.put(key(Attribute.SEX.label().in(l)), Kind.SEX);
        }
        List<Column> out = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < head.fields().size(); i++) {
            String text = head.fields().get(i);
            String k = key(text);
            Kind kind = names.get(k);
            Column c = null;
            if (kind != null) {
                boolean asked = switch (kind) {
                    case AGE_GROUP -> s.getAttributes().contains(Attribute.AGE_GROUP);
                    case DISTRICT -> s.getAttributes().contains(Attribute.DISTRICT);
                    case SEX -> s.getAttributes().contains(Attribute.SEX);
                    default -> true;
                };
                if (asked) {
                    c = new Column(kind, null);
                }
            } else {
                Matcher m = QUESTION.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip()
                        .toLowerCase(Locale.ROOT));
                if (m.matches()) {
                    int seq = Integer.parseInt(m.group(1));
                    Optional<SurveyQuestion> q = s.getQuestions().stream().filter(x -> x.getSeq() == seq).findFirst();
                    if (q.isPresent()) {
                        c = new Column(Kind.QUESTION, q.get());
                    }
                }
            }
            String field = "header[" + (i + 1) + "]";
            if (c == null) {
                errors.add(new ApiException.FieldErrorKey(field, "engagement.survey.import.header.unknown", clip(text)));
            } else if (!seen.add(c.kind() == Kind.QUESTION ? c.question().getId() : c.kind())) {
                errors.add(new ApiException.FieldErrorKey(field, "engagement.survey.import.header.twice", clip(text)));
            }
            out.add(c);
        }
        if (!seen.contains(Kind.SHEET)) {
            errors.add(new ApiException.FieldErrorKey("header", "engagement.survey.import.header.missing",
                    Messages.get(Locale.JAPANESE, "engagement.survey.import.column.sheet")));
        }
        for (Attribute a : s.getAttributes()) {
            if (!seen.contains(Kind.valueOf(a.name()))) {
                errors.add(new ApiException.FieldErrorKey("header", "engagement.survey.import.header.missing",
                        a.label().in(Locale.JAPANESE)));
            }
        }
        for (SurveyQuestion q : s.getQuestions()) {
            if (!seen.contains(q.getId())) {
                errors.add(new ApiException.FieldErrorKey("header", "engagement.survey.import.header.missing",
                        Messages.get(Locale.JAPANESE, "engagement.survey.import.column.question", String.valueOf(q.getSeq()),
                                q.getText())));
            }
        }
        return out;
    }

    private static Sheet sheet(Survey s, CsvRecords.Record r, List<String> head, List<Column> columns, LocalDate today,
            Map<String, Integer> sheetLines, List<ApiException.FieldErrorKey> errors) {
        String line = String.valueOf(r.line());
        if (r.fields().size() > columns.size()) {
            errors.add(new ApiException.FieldErrorKey("line[" + line + "]", "engagement.survey.import.tooManyFields", line,
                    String.valueOf(r.fields().size()), String.valueOf(columns.size())));
            return null;
        }
        String number = null;
        LocalDate receivedOn = today;
        AgeGroup age = null;
        String district = null;
        Sex sex = null;
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String name = head.get(i);
            String f = "line[" + line + "]." + switch (c.kind()) {
                case SHEET -> "sheetNumber";
                case RECEIVED_ON -> "receivedOn";
                case AGE_GROUP -> "ageGroup";
                case DISTRICT -> "district";
                case SEX -> "sex";
                case QUESTION -> "q" + c.question().getSeq();
            };
            String raw = i < r.fields().size() ? r.fields().get(i) : "";
            String v = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
            switch (c.kind()) {
                case SHEET -> {
                    if (v.isEmpty()) {
                        errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.sheet.required", line, name));
                    } else if (!SHEET.matcher(v).matches()) {
                        errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.sheet.malformed", line, name,
                                clip(raw)));
                    } else {
                        Integer first = sheetLines.putIfAbsent(v.toUpperCase(Locale.ROOT), r.line());
                        if (first != null) {
                            errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.sheet.twice", line, name, v,
                                    String.valueOf(first)));
                        }
                        number = v.toUpperCase(Locale.ROOT);
                    }
                }
                case RECEIVED_ON -> {
                    if (!v.isEmpty()) {
                        LocalDate d = date(v);
                        if (d == null) {
                            errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.date", line, name, clip(raw)));
                        } else if (d.isAfter(today) || d.isBefore(s.getOpensOn())) {
                            errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.dateOutside", line, name, v,
                                    s.getOpensOn().toString()));
                        } else {
                            receivedOn = d;
                        }
                    }
                }
                case AGE_GROUP -> {
                    if (!v.isEmpty()) {
                        age = pick(AgeGroup.values(), v, g -> g.label().in(Locale.JAPANESE), g -> g.label().in(Locale.ENGLISH));
                        if (age == null) {
                            errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.option", line, name, clip(raw),
                                    String.join("・", Arrays.stream(AgeGroup.values()).map(g -> g.label().in(Locale.JAPANESE))
                                            .toList())));
                        }
                    }
                }
                case SEX -> {
                    if (!v.isEmpty()) {
                        sex = pick(Sex.values(), v, x -> x.label().in(Locale.JAPANESE), x -> x.label().in(Locale.ENGLISH));
                        if (sex == null) {
                            errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.option", line, name, clip(raw),
                                    String.join("・", Arrays.stream(Sex.values()).map(x -> x.label().in(Locale.JAPANESE)).toList())));
                        }
                    }
                }
                case DISTRICT -> {
                    if (!v.isEmpty()) {
                        district = s.getDistricts().stream().filter(d -> key(d).equals(key(v))).findFirst().orElse(null);
                        if (district == null) {
                            errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.option", line, name, clip(raw),
                                    String.join("・", s.getDistricts())));
                        }
                    }
                }
                case QUESTION -> {
                    SurveyQuestion q = c.question();
                    if (v.isEmpty()) {
                        if (q.isRequired()) {
                            errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.required", line, name));
                        }
                        continue;
                    }
                    answer(q, v, raw, line, name, f, items, errors);
                }
            }
        }
        return new Sheet(r.line(), number, receivedOn, age, district, sex, items);
    }

    private static void answer(SurveyQuestion q, String v, String raw, String line, String name, String f, List<Item> items,
            List<ApiException.FieldErrorKey> errors) {
        switch (q.getKind()) {
            case SINGLE, MULTIPLE -> {
                List<SurveyChoice> picked = new ArrayList<>();
                SurveyChoice whole = choice(q, v);
                if (whole != null) {
                    picked.add(whole);
                } else {
                    for (String part : SEPARATORS.split(v)) {
                        if (part.isBlank()) {
                            continue;
                        }
                        SurveyChoice c = choice(q, part.strip());
                        if (c == null) {
                            errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.choice", line, name,
                                    clip(part.strip()), String.valueOf(q.getChoices().size())));
                            return;
                        }
                        if (!picked.contains(c)) {
                            picked.add(c);
                        }
                    }
                }
                if (picked.size() > 1 && q.getKind() == jp.machi.engagement.survey.domain.QuestionKind.SINGLE) {
                    errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.single", line, name));
                    return;
                }
                picked.forEach(c -> items.add(new Item(q.getId(), c.getId(), null, null)));
            }
            case SCALE -> {
                if (!v.matches("[1-5]")) {
                    errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.scale", line, name, clip(raw)));
                } else {
                    items.add(new Item(q.getId(), null, new BigDecimal(v), null));
                }
            }
            case NUMBER -> {
                BigDecimal n = null;
                try {
                    n = new BigDecimal(v.replace(",", ""));
                } catch (NumberFormatException e) {
                    // reported below
                }
                if (n == null || n.abs().compareTo(NUMBER_LIMIT) >= 0 || n.stripTrailingZeros().scale() > 2) {
                    errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.number", line, name, clip(raw)));
                } else {
                    items.add(new Item(q.getId(), null, n, null));
                }
            }
            case TEXT -> {
                String text = raw.strip();
                if (text.length() > 2000) {
                    errors.add(new ApiException.FieldErrorKey(f, "engagement.survey.import.text", line, name, "2000"));
                } else {
                    items.add(new Item(q.getId(), null, null, text));
                }
            }
        }
    }

    /** A choice by its number (1, 2 …) or its words. */
    private static SurveyChoice choice(SurveyQuestion q, String v) {
        if (v.matches("\\d{1,3}")) {
            int seq = Integer.parseInt(v);
            return q.getChoices().stream().filter(c -> c.getSeq() == seq).findFirst().orElse(null);
        }
        String k = key(v);
        return q.getChoices().stream().filter(c -> key(c.getLabel()).equals(k)).findFirst().orElse(null);
    }

    @SafeVarargs
    private static <E extends Enum<E>> E pick(E[] values, String v, java.util.function.Function<E, String>... labels) {
        String k = key(v);
        for (E e : values) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
            for (var label : labels) {
                if (key(label.apply(e)).equals(k)) {
                    return e;
                }
            }
        }
        return null;
    }

    private static LocalDate date(String v) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(v, f);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return null;
    }

    /** Compared in NFKC, without spaces, in lower case: 「問１　広報…」 and 「問1 広報…」 are the same header. */
    static String key(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
    }

    /** A value echoed in an error, at most 40 characters. */
    private static String clip(String s) {
        String v = s == null ? "" : s.strip();
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
