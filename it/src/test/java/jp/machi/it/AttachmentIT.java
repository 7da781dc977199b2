package jp.machi.it;

import static jp.machi.it.support.Problems.assertEnglish;
import static jp.machi.it.support.Problems.assertJapanese;
import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.machi.it.support.Api;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files attached to citizen voices (core's files service through engagement's
 * {@code …/voices/{id}/attachments}): staff attach the scanned letter, a photo or a petition; the
 * type is read from the bytes, not the name; programs, HTML and SVG are refused (415), an empty file
 * (400) and a file above the limit (413) too, with nothing written; the download gives the same bytes
 * under the Japanese name; viewers read, only staff write; another municipality sees nothing; the
 * audit trail records the files without their bytes; the voice's anonymisation deletes them.
 */
@MachiTest
class AttachmentIT {

    static final String LETTER = "市民の声（はがき）.pdf";
    static final long MAX = 10L * 1024 * 1024;

    private final Api api;
    private String lg;
    private String voices;
    private Api staff;
    private Api viewer;
    private Api admin;

    AttachmentIT(Api api) {
        this.api = api;
    }

    @BeforeEach
    void municipality() {
        lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "engagement", true);
        voices = Municipalities.PATH + "/" + lg + "/engagement/voices";
        staff = api.as("STAFF", lg);
        viewer = api.as("VIEWER", lg);
        admin = api.as("MUNICIPALITY_ADMIN", lg);
    }

    static byte[] pdf(int padding) {
        byte[] head = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% はがきの写し " + UUID.randomUUID() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + padding + tail.length);
        for (int i = 0; i < padding; i++) {
            out[head.length + i] = (byte) ('0' + i % 10);
        }
        System.arraycopy(tail, 0, out, head.length + padding, tail.length);
        return out;
    }

    static byte[] png() {
        byte[] b = new byte[64];
        int[] sig = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        for (int i = 0; i < sig.length; i++) {
            b[i] = (byte) sig[i];
        }
        return b;
    }

    static byte[] docx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml")) {
                z.putNextEntry(new ZipEntry(e));
                z.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private String newVoice(String email) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("subject", "はがきで届いた意見").add("body", "公園の遊具を直してください。");
        if (email != null) {
            b.add("email", email).add("wantsReply", true);
        }
        String receipt = api.anonymous().post(voices).json(b.build()).send().expect(201).object()
                .getString("receiptNumber");
        return staff.get(voices + "?size=500").send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(v -> v.getString("receiptNumber").equals(receipt)).findFirst()
                .orElseThrow().getString("id");
    }

    private static String path(String voicesPath, String voiceId, String fileName) {
        return voicesPath + "/" + voiceId + "/attachments"
                + (fileName == null ? "" : "?fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8));
    }

    private Reply upload(Api who, String voiceId, String fileName, byte[] bytes, String clientType) {
        return who.post(path(voices, voiceId, fileName)).body(bytes, clientType).send();
    }

    private int count(String voiceId) {
        return staff.get(path(voices, voiceId, null)).send().expect(200).object().getInt("totalItems");
    }

    private List<JsonObject> audit(String query) {
        JsonObject p = admin.get(Municipalities.PATH + "/" + lg + "/audit-events?size=500&" + query).send().expect(200)
                .object();
        List<JsonObject> out = new ArrayList<>();
        p.getJsonArray("items").forEach(e -> out.add(e.asJsonObject()));
        return out;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void aScannedLetterIsListedAndDownloadedUnderItsJapaneseName() throws Exception {
        String voice = newVoice(null);
        byte[] letter = pdf(2_000_000); // above the API's 1 MiB body limit: files have their own
        Reply created = upload(staff, voice, LETTER, letter, "application/octet-stream").expect(201);
        JsonObject f = created.object();
        assertEquals(LETTER, f.getString("fileName"));
        assertEquals("application/pdf", f.getString("contentType"));
        assertEquals("PDF", f.getString("kind"));
        assertEquals(letter.length, f.getJsonNumber("size").longValue());
        assertEquals(sha256(letter), f.getString("sha256"));
        assertTrue(f.getBoolean("personalData"), f::toString);
        assertFalse(f.containsKey("content") || f.containsKey("bytes"), created::toString);
        String location = created.header("Location").orElseThrow();
        assertTrue(location.endsWith("/attachments/" + f.getString("id")), location);

        JsonObject list = viewer.get(path(voices, voice, null)).send().expect(200).object();
        assertEquals(1, list.getInt("totalItems"), list::toString);
        assertEquals(LETTER, list.getJsonArray("items").getJsonObject(0).getString("fileName"));
        assertEquals("application/pdf", list.getJsonArray("items").getJsonObject(0).getString("contentType"));

        Reply download = viewer.get(path(voices, voice, null) + "/" + f.getString("id")).send().expect(200);
        assertArrayEquals(letter, download.bytes());
        assertEquals("application/pdf", download.contentType());
        assertEquals("nosniff", download.header("X-Content-Type-Options").orElse(null));
        assertEquals(String.valueOf(letter.length), download.header("Content-Length").orElse(null));
        assertFalse(download.etag() == null || download.etag().isBlank(), download::toString);
        String disposition = download.header("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment;"), disposition);
        assertTrue(disposition.contains("filename=\"file.pdf\""), disposition);
        String star = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertEquals(LETTER, URLDecoder.decode(star, StandardCharsets.UTF_8), disposition);
        assertEquals(304, viewer.get(path(voices, voice, null) + "/" + f.getString("id"))
                .header("If-None-Match", download.etag()).send().status());
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() throws Exception {
        String voice = newVoice(null);
        JsonObject png = upload(staff, voice, "写真.pdf", png(), "application/pdf").expect(201).object();
        assertEquals("image/png", png.getString("contentType"));
        assertEquals("写真.pdf", png.getString("fileName"));
        Reply d = staff.get(path(voices, voice, null) + "/" + png.getString("id")).send().expect(200);
        assertEquals("image/png", d.contentType());

        JsonObject word = upload(staff, voice, "要望書.docx", docx(), null).expect(201).object();
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.getString("contentType"));

        byte[] sjis = "受付番号,件名\r\n1,公園の遊具\r\n".getBytes(Charset.forName("windows-31j"));
        JsonObject csv = upload(staff, voice, "一覧.csv", sjis, "text/html").expect(201).object();
        assertEquals("text/csv; charset=Shift_JIS", csv.getString("contentType"));
        assertEquals(3, count(voice));
    }

    @Test
    void programsMarkupEmptyAndOversizedFilesAreRefusedAndNothingIsWritten() throws Exception {
        String voice = newVoice(null);
        upload(staff, voice, "ok.pdf", pdf(10), null).expect(201);
        int events = audit("entityType=StoredFile").size();

        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        Reply r = upload(staff, voice, "letter.pdf", html, "application/pdf");
        assertJapanese(r, assertProblem(r, 415, "unsupported-file-type"));
        Reply en = staff.post(path(voices, voice, "letter.txt")).body(html, null).lang("en").send();
        assertEnglish(en, assertProblem(en, 415, "unsupported-file-type"));
        assertTrue(en.object().getString("detail").contains("HTML"), en::toString);

        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        assertProblem(upload(staff, voice, "photo.png", svg, "image/png"), 415, "unsupported-file-type");
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertProblem(upload(staff, voice, "請求書.pdf", exe, "application/pdf"), 415, "unsupported-file-type");
        byte[] zip;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        }
        zip = out.toByteArray();
        Reply notAccepted = upload(staff, voice, "archive.zip", zip, null);
        assertTrue(assertProblem(notAccepted, 415, "unsupported-file-type").getString("detail").contains("ZIP"),
                notAccepted::toString);

        Reply empty = upload(staff, voice, "empty.pdf", new byte[0], null);
        assertJapanese(empty, assertProblem(empty, 400, "empty-file"));

        Reply tooLarge = upload(staff, voice, "big.pdf", pdf((int) MAX), null);
        assertJapanese(tooLarge, assertProblem(tooLarge, 413, "payload-too-large"));
        Reply declaredTooLarge = staff.post(path(voices, voice, "huge.pdf")).body(pdf((int) MAX + 200_000), null)
                .expectContinue().send();
        assertProblem(declaredTooLarge, 413, "payload-too-large");

        for (String bad : List.of("../../etc/passwd", "a/b.pdf", "a\\b.pdf", "tab\tname.pdf", "..", "x".repeat(256) + ".pdf")) {
            Reply n = upload(staff, voice, bad, pdf(10), null);
            JsonObject p = assertProblem(n, 400, "validation");
            assertEquals("fileName", p.getJsonArray("errors").getJsonObject(0).getString("field"), n::toString);
        }
        assertProblem(upload(staff, voice, null, pdf(10), null), 400, "validation");

        assertEquals(1, count(voice), "nothing written by a refusal");
        assertEquals(events, audit("entityType=StoredFile").size(), "no audit event for a refusal");
    }

    @Test
    void viewersReadStaffWriteAndDeletingNeedsTheVersion() {
        String voice = newVoice(null);
        assertProblem(upload(viewer, voice, "scan.pdf", pdf(10), null), 403, "forbidden");
        assertProblem(upload(api.anonymous(), voice, "scan.pdf", pdf(10), null), 401, null);
        assertEquals(0, count(voice));
        JsonObject f = upload(staff, voice, "scan.pdf", pdf(10), null).expect(201).object();
        String one = path(voices, voice, null) + "/" + f.getString("id");
        assertProblem(api.anonymous().get(one).send(), 401, null);
        assertProblem(api.anonymous().get(path(voices, voice, null)).send(), 401, null);

        assertProblem(viewer.delete(one).ifMatch("\"0\"").send(), 403, "forbidden");
        assertProblem(staff.delete(one).send(), 428, null);
        assertProblem(staff.delete(one).ifMatch("\"7\"").send(), 412, null);
        String etag = staff.get(one).send().expect(200).etag();
        assertEquals(204, staff.delete(one).ifMatch(etag).send().status());
        assertProblem(staff.get(one).send(), 404, "not-found");
        assertEquals(0, count(voice));
        List<JsonObject> deleted = audit("entityType=StoredFile&action=DELETE&entityId=" + f.getString("id"));
        assertEquals(1, deleted.size(), deleted::toString);
    }

    @Test
    void anotherMunicipalityFindsNeitherVoiceNorFile() {
        String voice = newVoice(null);
        JsonObject f = upload(staff, voice, "scan.pdf", pdf(10), null).expect(201).object();
        String other = Municipalities.register(api);
        Municipalities.setModule(api, other, "engagement", true);
        Api otherStaff = api.as("STAFF", other);
        String otherVoices = Municipalities.PATH + "/" + other + "/engagement/voices";
        assertProblem(otherStaff.get(path(otherVoices, voice, null)).send(), 404, "not-found");
        assertProblem(otherStaff.get(path(otherVoices, voice, null) + "/" + f.getString("id")).send(), 404, "not-found");
        assertProblem(otherStaff.post(path(otherVoices, voice, "x.pdf")).body(pdf(10), null).send(), 404, "not-found");
        assertProblem(otherStaff.get(path(voices, voice, null)).send(), 404, "not-found");

        // Their own voice does not reach our file either; nor does another voice of ours.
        String otherVoiceReceipt = api.anonymous().post(otherVoices).json("{\"subject\":\"件名\",\"body\":\"本文\"}").send()
                .expect(201).object().getString("receiptNumber");
        String otherVoice = otherStaff.get(otherVoices).send().expect(200).object().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(v -> v.getString("receiptNumber").equals(otherVoiceReceipt))
                .findFirst().orElseThrow().getString("id");
        assertProblem(otherStaff.get(path(otherVoices, otherVoice, null) + "/" + f.getString("id")).send(), 404,
                "not-found");
        String secondVoice = newVoice(null);
        assertProblem(staff.get(path(voices, secondVoice, null) + "/" + f.getString("id")).send(), 404, "not-found");
        assertProblem(staff.get(path(voices, UUID.randomUUID().toString(), null)).send(), 404, "not-found");
        assertProblem(staff.get(path(voices, voice, null) + "/" + UUID.randomUUID()).send(), 404, "not-found");
        assertProblem(staff.post(path(voices, UUID.randomUUID().toString(), "x.pdf")).body(pdf(10), null).send(), 404,
                "not-found");
    }

    @Test
    void theAuditTrailRecordsTheFileButNeverItsBytes() throws Exception {
        String voice = newVoice(null);
        String marker = "MACHI-FILE-CONTENT-" + UUID.randomUUID();
        byte[] text = ("お手紙の書き起こし\n" + marker + "\n").getBytes(StandardCharsets.UTF_8);
        JsonObject f = upload(staff, voice, "書き起こし.txt", text, null).expect(201).object();
        assertEquals("text/plain; charset=UTF-8", f.getString("contentType"));
        List<JsonObject> inserts = audit("entityType=StoredFile&action=CREATE&entityId=" + f.getString("id"));
        assertEquals(1, inserts.size(), inserts::toString);
        JsonObject after = inserts.get(0).getJsonObject("changes").getJsonObject("after");
        assertEquals("書き起こし.txt", after.getString("fileName"), after::toString);
        assertEquals(sha256(text), after.getString("sha256"));
        assertEquals(0, audit("entityType=StoredFileContent").size());
        String trail = admin.get(Municipalities.PATH + "/" + lg + "/audit-events?size=500").send().expect(200).text();
        assertFalse(trail.contains(marker), "the bytes are in the audit trail");
        assertFalse(admin.get(Municipalities.PATH + "/" + lg + "/audit-events?format=csv").send().expect(200).text()
                .contains(marker));
    }

    @Test
    void theResidentsExportNamesTheFilesAndAnonymisationDeletesThem() {
        String email = "att-it-" + System.nanoTime() + "@example.jp";
        String voice = newVoice(email);
        JsonObject f = upload(staff, voice, LETTER, pdf(100), null).expect(201).object();
        String base = Municipalities.PATH + "/" + lg + "/personal-data";

        JsonObject export = admin.post(base + "/resident-exports").json("{\"email\":\"" + email + "\"}").send()
                .expect(200).object();
        String attachments = export.getJsonArray("records").getJsonObject(0).getJsonObject("data")
                .getJsonArray("attachments").toString();
        assertTrue(attachments.contains(LETTER) && attachments.contains(f.getString("id")), export::toString);

        // Close the voice; with a retention of 0 years it is past retention at once.
        Reply current = staff.get(voices + "/" + voice).send().expect(200);
        JsonObject v = current.object();
        staff.put(voices + "/" + voice).ifMatch(current.etag()).json(Json.createObjectBuilder()
                .add("channel", v.getString("channel")).add("subject", v.getString("subject"))
                .add("body", v.getString("body")).add("status", "CLOSED").add("answerDue", v.getString("answerDue"))
                .add("answer", "修理しました。").add("published", false).build()).send().expect(200);
        Reply settings = admin.get(base + "/settings").send().expect(200);
        admin.put(base + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":0}").send().expect(200);
        JsonObject run = admin.post(base + "/anonymisations").json("{}").send().expect(200).object();
        assertEquals(1, run.getInt("total"), run::toString);

        assertEquals(0, count(voice));
        assertProblem(staff.get(path(voices, voice, null) + "/" + f.getString("id")).send(), 404, "not-found");
        assertEquals(1, audit("entityType=StoredFile&action=DELETE&entityId=" + f.getString("id")).size());
        assertEquals("修理しました。", staff.get(voices + "/" + voice).send().expect(200).object().getString("answer"));
    }
}
