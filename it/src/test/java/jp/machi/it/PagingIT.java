package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Problems;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lists page, sort and filter in the database: totals and pages agree, {@code ?sort=} orders
 * ascending and descending by the fields a list allows (anything else 400 naming them, ja/en),
 * filters combine with paging, and a list's CSV has the same rows in the same order as its pages,
 * also past the export's chunk size of 500 rows with many equal sort values.
 */
@MachiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private final Api api;
    private String lg;
    private String voices;
    private Api staff;

    PagingIT(Api api) {
        this.api = api;
    }

    /** Seven voices on seven days (subjects in another order than the days), two of them overdue. */
    @BeforeAll
    void voices() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        voices = Municipalities.PATH + "/" + lg + "/engagement/voices";
        staff = api.as("STAFF", lg);
        String[] subjects = {"ご", "い", "か", "あ", "き", "お", "う"};
        for (int i = 0; i < subjects.length; i++) {
            JsonObject receipt = staff.post(voices).json(Json.createObjectBuilder().add("subject", "件名" + subjects[i])
                    .add("body", "本文").add("receivedOn", TODAY.minusDays(30 - i).toString()).build())
                    .send().expect(201).object();
            if (i < 2) { // the two oldest: being answered, due yesterday
                JsonObject v = item(receipt.getString("receiptNumber"));
                Reply one = staff.get(voices + "/" + v.getString("id")).send().expect(200);
                staff.put(voices + "/" + v.getString("id")).ifMatch(one.etag()).json(Json.createObjectBuilder()
                        .add("channel", "WEB_FORM").add("subject", v.getString("subject")).add("body", "本文")
                        .add("status", "IN_PROGRESS").add("answerDue", TODAY.minusDays(1).toString())
                        .add("published", false).build()).send().expect(200);
            }
        }
    }

    private JsonObject item(String receipt) {
        return staff.get(voices + "?size=500").send().expect(200).object().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(o -> o.getString("receiptNumber").equals(receipt))
                .findFirst().orElseThrow();
    }

    private JsonObject page(String query) {
        return staff.get(voices + "?" + query).send().expect(200).object();
    }

    private static List<String> field(JsonObject page, String name) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString(name)).toList();
    }

    @Test
    void totalsAndPagesAgree() {
        JsonObject first = page("page=0&size=3");
        assertEquals(7, first.getInt("totalItems"));
        assertEquals(3, first.getInt("totalPages"));
        assertEquals(3, first.getJsonArray("items").size());
        assertEquals(1, page("page=2&size=3").getJsonArray("items").size());
        JsonObject beyond = page("page=9&size=3");
        assertEquals(0, beyond.getJsonArray("items").size());
        assertEquals(7, beyond.getInt("totalItems"), "the total beyond the last page");

        List<String> all = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            all.addAll(field(page("page=" + p + "&size=3"), "receivedAt"));
        }
        assertEquals(7, new HashSet<>(all).size(), "no row twice, none left out");
        List<String> newestFirst = new ArrayList<>(all);
        newestFirst.sort(Comparator.reverseOrder());
        assertEquals(newestFirst, all, "newest first by default");
    }

    @Test
    void sortsAscendingAndDescending() {
        List<String> asc = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            asc.addAll(field(page("page=" + p + "&size=3&sort=subject"), "subject"));
        }
        assertEquals(List.of("件名あ", "件名い", "件名う", "件名お", "件名か", "件名き", "件名ご"), asc);
        List<String> desc = field(page("size=7&sort=-subject"), "subject");
        List<String> reversed = new ArrayList<>(asc);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, desc);
        List<String> oldestFirst = field(page("size=7&sort=receivedAt"), "receivedAt");
        assertEquals(oldestFirst.stream().sorted().toList(), oldestFirst);
        // Two fields: status first (IN_PROGRESS before RECEIVED), then subject descending within each.
        assertEquals(List.of("件名ご", "件名い", "件名き", "件名か", "件名お", "件名う", "件名あ"),
                field(page("size=7&sort=status,-subject"), "subject"));
    }

    @Test
    void filtersCombineWithPaging() {
        JsonObject overdue = page("overdue=true&size=1&sort=subject");
        assertEquals(2, overdue.getInt("totalItems"));
        assertEquals(2, overdue.getInt("totalPages"));
        assertEquals(List.of("件名い"), field(overdue, "subject"));
        assertEquals(List.of("件名ご"), field(page("overdue=true&size=1&page=1&sort=subject"), "subject"));
        assertTrue(page("overdue=true&size=10").getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .allMatch(o -> o.getBoolean("overdue")));
        assertEquals(5, page("overdue=false&size=2").getInt("totalItems"));
        assertEquals(5, page("status=RECEIVED&size=2").getInt("totalItems"));
        assertEquals(2, page("status=IN_PROGRESS&overdue=true").getInt("totalItems"));
        assertEquals(0, page("status=RECEIVED&overdue=true").getInt("totalItems"));
        assertEquals(0, page("unitId=" + java.util.UUID.randomUUID()).getInt("totalItems"));
    }

    @Test
    void aBadSortIsRefusedNamingTheSortableFields() {
        for (String bad : List.of("senderName", "subject,", "-", "subject,subject", "receivedAt;drop",
                "x".repeat(300))) {
            Reply ja = staff.get(voices + "?sort=" + bad).send();
            JsonObject p = assertJapanese(ja, assertProblem(ja, 400, "validation"));
            String errors = Problems.fields(p);
            assertTrue(errors.contains("\"sort\"") && errors.contains("receivedAt, receiptNumber, subject"), ja::toString);
            Reply en = staff.get(voices + "?sort=" + bad).lang("en").send();
            String enErrors = Problems.fields(assertEnglish(en, assertProblem(en, 400, "validation")));
            assertTrue(enErrors.contains("Sortable fields: receivedAt"), en::toString);
        }
        Reply csv = staff.get(voices + "?format=csv&sort=senderEmail").send();
        assertProblem(csv, 400, "validation");
        Reply published = api.anonymous().get(voices + "/published?sort=senderName").send();
        assertTrue(Problems.fields(assertProblem(published, 400, "validation")).contains("publishedAt"), published::toString);
    }

    @Test
    void badPageValuesAreRefused() {
        for (String bad : List.of("page=-1", "size=0", "size=501", "page=x", "size=1e3", "page=99999999999")) {
            Reply ja = staff.get(voices + "?" + bad).send();
            assertJapanese(ja, assertProblem(ja, 400, "validation"));
            Reply en = staff.get(voices + "?" + bad).lang("en").send();
            assertEnglish(en, assertProblem(en, 400, "validation"));
        }
    }

    @Test
    void theCsvHasThePagesRowsInTheSameOrder() {
        for (String query : List.of("sort=subject", "sort=-answerDue,subject", "overdue=true", "", "sort=category")) {
            List<String> pages = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                pages.addAll(field(page(query + "&size=2&page=" + p), "receiptNumber"));
            }
            assertEquals(pages, csvReceipts(staff.get(voices + "?format=csv&" + query).send().expect(200)), query);
        }
    }

    /** Past the export's chunk size: 520 voices received on one day, so only the id orders them. */
    @Test
    void aLongCsvIsCompleteAndInOrder() {
        String big = Municipalities.register(api);
        Municipalities.setModule(api, big, "engagement", true);
        String path = Municipalities.PATH + "/" + big + "/engagement/voices";
        Api s = api.as("STAFF", big);
        for (int i = 0; i < 520; i++) {
            s.post(path).json(Json.createObjectBuilder().add("subject", "同じ日 " + (i % 3)).add("body", "本文")
                    .add("receivedOn", TODAY.minusDays(2).toString()).build()).send().expect(201);
        }
        for (String sort : List.of("", "&sort=subject", "&sort=category")) {
            List<String> pages = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                JsonObject page = s.get(path + "?size=500&page=" + p + sort).send().expect(200).object();
                assertEquals(520, page.getInt("totalItems"));
                pages.addAll(field(page, "receiptNumber"));
            }
            List<String> csv = csvReceipts(s.get(path + "?format=csv" + sort).send().expect(200));
            assertEquals(520, new HashSet<>(csv).size(), "every voice once: " + sort);
            assertEquals(pages, csv, sort);
        }
    }

    /**
     * The organisation units page in the database: by code on a day (a unit that starts later is not
     * there yet), every version with {@code history=true}, parents named on each page, and the CSV
     * holds the same rows in the same order with the parent's code.
     */
    @Test
    void organisationUnitsPageByCodeWithTheirParents() {
        String units = Municipalities.PATH + "/" + lg + "/organization-units";
        Api admin = api.as("STAFF", lg);
        String dept = unit(admin, units, "U10", "総務部", "DEPARTMENT", null, "2020-04-01");
        unit(admin, units, "U13", "財政課", "DIVISION", dept, "2020-04-01");
        unit(admin, units, "U11", "総務課", "DIVISION", dept, "2020-04-01");
        unit(admin, units, "U12", "人事課", "DIVISION", dept, "2020-04-01");
        unit(admin, units, "U14", "新設課", "DIVISION", dept, "2030-04-01");

        JsonObject first = admin.get(units + "?asOf=2025-04-01&size=2").send().expect(200).object();
        assertEquals(4, first.getInt("totalItems"), first::toString);
        assertEquals(List.of("U10", "U11"), field(first, "code"));
        JsonObject second = admin.get(units + "?asOf=2025-04-01&size=2&page=1").send().expect(200).object();
        assertEquals(List.of("U12", "U13"), field(second, "code"));
        second.getJsonArray("items").getValuesAs(JsonObject.class)
                .forEach(u -> assertEquals("U10", u.getString("parentCode"), u::toString));
        assertTrue(isNull(first.getJsonArray("items").getJsonObject(0), "parentCode"), first::toString);

        JsonObject all = admin.get(units + "?history=true&size=100").send().expect(200).object();
        assertEquals(List.of("U10", "U11", "U12", "U13", "U14"), field(all, "code"));

        Reply csv = admin.get(units + "?asOf=2025-04-01&format=csv").send().expect(200);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8).substring(1);
        List<String> rows = Arrays.stream(text.split("\r\n")).filter(l -> !l.isEmpty()).skip(1).toList();
        assertEquals(List.of("U10", "U11", "U12", "U13"), rows.stream().map(l -> l.substring(0, l.indexOf(','))).toList(), text);
        assertTrue(rows.get(2).contains(",U10,"), "the parent's code: " + text);
    }

    private static String unit(Api who, String units, String code, String name, String kind, String parent, String from) {
        var b = Json.createObjectBuilder().add("code", code).add("nameJa", name).add("kind", kind).add("validFrom", from);
        if (parent != null) {
            b.add("parentId", parent);
        }
        return who.post(units).json(b.build()).send().expect(201).object().getString("id");
    }

    /** The first column (receipt numbers) of a voices CSV, without its header. */
    private static List<String> csvReceipts(Reply csv) {
        assertTrue(csv.contentType().startsWith("text/csv"), csv::toString);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8).substring(1);
        List<String> lines = Arrays.stream(text.split("\r\n")).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        return lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    private static boolean isNull(JsonObject o, String key) {
        return !o.containsKey(key) || o.get(key) == JsonValue.NULL;
    }
}
