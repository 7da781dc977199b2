package jp.machi.it;

import static jp.machi.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.machi.it.support.Api;
import jp.machi.it.support.H2Only;
import jp.machi.it.support.ItSettings;
import jp.machi.it.support.MachiServer;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.TestDatabase;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A module author's first hour, as README "Writing a module" tells it: a module generated from
 * {@code machi-module-archetype} into a folder outside this repository, built there by Maven against Machi's
 * artifacts, put into a WAR with core and planning by the documented vendor assembly (a war overlay of
 * {@code machi-app} plus the module's jar and its {@code <jar-file>} line in {@code persistence.xml}), booted on
 * plain Payara Micro; then enabled for a municipality, its record created, read and revised with If-Match, its
 * console screen and portal endpoint fetched, its metric bound to an indicator; an item sent from the portal
 * through core's public intake (receipt number, Idempotency-Key, honeypot, no echo) and decided through core's
 * workflow by the module's role (403 without it, the task list, If-Match, 409 when not possible now); and its
 * portal page and console screen used in headless Chromium ({@code -Dmachi.it.browser=required} makes a missing
 * browser a failure, as in the {@code @BrowserTest} classes).
 *
 * <p>H2 only: nothing here depends on the database (the module's schema runs on PostgreSQL like any other
 * module's), and a second run would add two Maven builds and a boot to CI's time.
 *
 * <p>How Maven runs: {@code ./mvnw -B -o} with a private local repository under the temporary folder
 * ({@code maven.repo.local}) into which this build's artifacts (parent POM, core, machi-app's WAR, the archetype)
 * and then the generated module's jar are copied in the repository layout, and reading every third-party
 * artifact from the build's own local repository ({@code maven.repo.local.tail}, read only). Only goals whose
 * plugins {@code ./mvnw verify} has already resolved are run (generate, package), so it works offline on a fresh
 * machine too. So the test uses what this build produced, never
 * a stale jp.machi artifact, and needs no {@code mvn install} of the whole repository. Maven's output goes to
 * {@code it/target/it-h2/module-archetype/*.log}.
 */
@MachiTest
@H2Only("the archetype's Maven builds and boot are database-independent; one run keeps CI's time down")
class ModuleArchetypeIT {

    static final String MODULE_ID = "bousai-drill";
    static final String ARTIFACT_ID = "machi-module-bousai";
    static final String METRIC = MODULE_ID + ":items-per-fiscal-year";

    private static Path logs;
    private static Path work;
    private static Path repo;
    private static TestDatabase db;
    private static MachiServer server;
    private static Api api;
    private static String lg;
    private static String base;
    private static final StringBuilder minutes = new StringBuilder();

    @BeforeAll
    static void generateBuildAssembleBoot() throws IOException {
        logs = Files.createDirectories(ItSettings.workDir().resolve("it-h2/module-archetype"));
        // Outside the repository: ./mvnw must not find the reactor's .mvn (its -T2) or its POMs above it.
        work = Files.createTempDirectory("machi-module-archetype-it");
        repo = Files.createDirectories(work.resolve("repo"));
        Path root = ItSettings.repositoryRoot();
        String v = ItSettings.machiVersion();

        stage(root, v);
        Path gen = Files.createDirectories(work.resolve("generated"));
        maven(gen, "generate", "org.apache.maven.plugins:maven-archetype-plugin:" + ItSettings.archetypePluginVersion()
                        + ":generate",
                "-DarchetypeGroupId=jp.machi", "-DarchetypeArtifactId=machi-module-archetype", "-DarchetypeVersion=" + v,
                "-DgroupId=jp.example.bousai", "-DartifactId=" + ARTIFACT_ID, "-Dversion=1.0.0-SNAPSHOT",
                "-Dpackage=jp.example.bousai", "-DmoduleId=" + MODULE_ID, "-DclassName=Bousai",
                "-DnameJa=防災訓練", "-DnameEn=Disaster drills", "-DinteractiveMode=false");
        Path module = gen.resolve(ARTIFACT_ID);
        // The module's own unit tests run here too: the bundle, the descriptor, the domain.
        maven(module, "module-build", "package");
        put("jp.example.bousai", ARTIFACT_ID, "1.0.0-SNAPSHOT", "jar", module.resolve("target/" + ARTIFACT_ID + "-1.0.0-SNAPSHOT.jar"));
        put("jp.example.bousai", ARTIFACT_ID, "1.0.0-SNAPSHOT", "pom", module.resolve("pom.xml"));

        Path vendor = Files.createDirectories(work.resolve("vendor/src/main/resources/META-INF"));
        Files.writeString(vendor.resolve("persistence.xml"), persistenceXml(root), StandardCharsets.UTF_8);
        Files.writeString(work.resolve("vendor/pom.xml"), vendorPom(v), StandardCharsets.UTF_8);
        maven(work.resolve("vendor"), "vendor-war", "package");
        Path war = work.resolve("vendor/target/machi-vendor.war");

        db = TestDatabase.fresh("archetype");
        server = MachiServer.war("archetype", war, db).start();
        api = server.api();
        lg = Municipalities.register(api);
        base = Municipalities.PATH + "/" + lg;
        Municipalities.setModule(api, lg, "planning", true);
        Municipalities.setModule(api, lg, MODULE_ID, true);
    }

    @AfterAll
    static void shutDown() throws IOException {
        if (server != null) {
            server.stop();
        }
        if (db != null) {
            db.close();
        }
        if (work != null) {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (logs != null) {
            Files.writeString(logs.resolve("maven-times.txt"), minutes.toString(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theGeneratedModuleStartsBesidePlanning() {
        Reply r = api.get("/api/v1/modules").send().expect(200);
        Map<String, String> status = new java.util.HashMap<>();
        r.array().getValuesAs(JsonObject.class).forEach(m -> status.put(m.getString("id"), m.getString("status")));
        assertEquals(Map.of("planning", "STARTED", MODULE_ID, "STARTED"), status, r::toString);
        JsonObject root = api.get(base + "/" + MODULE_ID).send().expect(200).object();
        assertEquals("防災訓練", root.getString("name"));
        assertEquals("Disaster drills", api.get(base + "/" + MODULE_ID).lang("en").send().expect(200).object().getString("name"));
    }

    @Test
    void aRecordIsCreatedReadAndRevisedWithIfMatch() {
        String items = base + "/" + MODULE_ID + "/items";
        Reply created = api.post(items).json(Json.createObjectBuilder().add("fiscalYear", 2026)
                .add("title", "総合防災訓練").add("note", "9月1日、市内全域").build()).send().expect(201);
        String id = created.object().getString("id");
        String etag = created.etag();

        Reply read = api.get(items + "/" + id).send().expect(200);
        assertEquals("総合防災訓練", read.object().getString("title"));
        assertEquals(2026, read.object().getJsonObject("fiscalYear").getInt("year"));
        assertEquals(etag, read.etag());

        JsonObject revision = Json.createObjectBuilder().add("fiscalYear", 2026).add("title", "総合防災訓練 (本番)").build();
        assertProblem(api.put(items + "/" + id).json(revision).send(), 428, "precondition-required");
        Reply revised = api.put(items + "/" + id).ifMatch(etag).json(revision).send().expect(200);
        assertNotEquals(etag, revised.etag(), "every change raises the version");
        assertProblem(api.put(items + "/" + id).ifMatch(etag).json(revision).send(), 412, "stale-version");
        // The generated module wrote no PATCH: core gives it one beside the PUT (JSON Merge Patch).
        Reply patched = api.method("PATCH", items + "/" + id).ifMatch(revised.etag()).json("{\"note\":\"雨天決行\"}")
                .send().expect(200);
        assertEquals("総合防災訓練 (本番)", patched.object().getString("title"), "what the patch leaves out stays");
        assertEquals("雨天決行", patched.object().getString("note"));
        assertProblem(api.method("PATCH", items + "/" + id).ifMatch(revised.etag()).json("{\"note\":null}").send(),
                412, "stale-version");

        // Paged in the database, and the same list as CSV (UTF-8 with BOM).
        JsonObject page = api.get(items + "?size=1&q=" + java.net.URLEncoder.encode("本番", StandardCharsets.UTF_8))
                .send().expect(200).object();
        assertEquals(1, page.getInt("totalItems"), page::toString);
        Reply csv = api.get(items + "?format=csv").send().expect(200);
        assertTrue(csv.text().startsWith("\uFEFF年度,件名,備考"), csv::toString);
        assertTrue(csv.text().contains("令和8年度,総合防災訓練 (本番)"), csv::toString);

        // Bounded by its columns (400, never 500), refused in the user's language, and closed to anonymous callers.
        Reply tooLong = api.post(items).json(Json.createObjectBuilder().add("fiscalYear", 2026).add("title", "あ".repeat(201))
                .build()).send();
        assertProblem(tooLong, 400, "validation");
        java.util.UUID missingId = java.util.UUID.randomUUID();
        Reply missing = api.get(items + "/" + missingId).lang("en").send();
        assertEquals("Item " + missingId + " was not found.", assertProblem(missing, 404, "not-found").getString("detail"));
        assertProblem(api.anonymous().get(items).send(), 401, null);
    }

    @Test
    void itsConsoleScreenAndPortalPageAreServed() {
        Reply console = api.get(base + "/ui-contributions?area=CONSOLE").send().expect(200);
        JsonObject entry = console.array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("id").equals(MODULE_ID + "-items")).findFirst().orElseThrow(() -> new AssertionError(console.toString()));
        assertEquals("防災訓練", entry.getString("label"));
        Reply script = api.get(entry.getString("script")).send().expect(200);
        assertTrue(script.contentType().contains("javascript"), script::toString);
        assertTrue(script.text().contains("pagedList(ctx, {") && script.text().contains("'" + MODULE_ID + "/items'"),
                script::toString);

        Reply portal = api.get(base + "/ui-contributions?area=PORTAL").send().expect(200);
        assertTrue(portal.text().contains("/ui/" + MODULE_ID + "/summary.js"), portal::toString);
        api.anonymous().get("/ui/" + MODULE_ID + "/summary.js").send().expect(200);
        JsonObject summary = api.anonymous().get(base + "/" + MODULE_ID + "/public/summary?fiscalYear=2027").send()
                .expect(200).object();
        assertEquals(0, summary.getJsonNumber("items").intValue());
    }

    @Test
    void itsMetricFeedsAnIndicator() {
        String items = base + "/" + MODULE_ID + "/items";
        for (String title : List.of("土砂災害避難訓練", "津波避難訓練")) {
            api.post(items).json(Json.createObjectBuilder().add("fiscalYear", 2025).add("title", title).build())
                    .send().expect(201);
        }
        Reply offered = api.get(base + "/metric-sources").send().expect(200);
        assertTrue(offered.text().contains(METRIC), offered::toString);
        JsonObject indicator = api.post(base + "/indicators").json(Json.createObjectBuilder().add("nameJa", "防災訓練の実施回数")
                .add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER").add("metricSource", METRIC)
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2025).add("target", 4)))
                .build()).send().expect(201).object();
        JsonObject read = api.get(base + "/indicators/" + indicator.getString("id")).send().expect(200).object();
        JsonObject fy2025 = IndicatorIT.year(read, 2025);
        assertEquals(2, fy2025.getJsonNumber("actual").intValue(), read::toString);
        assertEquals("METRIC", fy2025.getString("actualSource"));
    }

    @Test
    void residentsSendAnItemFromThePortalAndAReviewerDecidesOnIt() {
        String items = base + "/" + MODULE_ID + "/items";
        String submissions = base + "/" + MODULE_ID + "/public/submissions";
        String email = "sender" + System.nanoTime() % 100000 + "@example.jp";
        JsonObject sent = Json.createObjectBuilder().add("title", "避難所運営訓練の提案").add("note", "地区ごとに")
                .add("contactEmail", email).build();

        // Core's public intake: anyone, a receipt number only (no echo), the Idempotency-Key honoured.
        Reply first = api.anonymous().post(submissions).header("Idempotency-Key", "archetype-1").json(sent).send().expect(201);
        String receipt = first.object().getString("receiptNumber");
        assertTrue(receipt.matches("B-R\\d+-\\d{6}"), first::toString);
        assertFalse(first.text().contains(email) || first.text().contains("避難所"), "nothing sent is echoed: " + first);
        assertEquals(receipt, api.anonymous().post(submissions).header("Idempotency-Key", "archetype-1").json(sent).send()
                .expect(201).object().getString("receiptNumber"), "a retry gives the first answer");
        assertProblem(api.anonymous().post(submissions).header("Idempotency-Key", "archetype-1").json(Json
                .createObjectBuilder(sent).add("title", "別の件").build()).send(), 422, "idempotency-key-reused");
        Reply malformed = api.anonymous().post(submissions).lang("en").json(Json.createObjectBuilder(sent)
                .add("contactEmail", "not-an-address").build()).send();
        assertEquals("contactEmail", assertProblem(malformed, 400, "validation").getJsonArray("errors").getJsonObject(0)
                .getString("field"));
        String spamReceipt = api.anonymous().post(submissions).json(Json.createObjectBuilder(sent).add("title", "bot")
                .add("website", "http://spam.example").build()).send().expect(201).object().getString("receiptNumber");

        // Staff see it waiting, the contact masked (@PersonalData).
        JsonObject item = api.get(items + "?state=SUBMITTED&q=" + java.net.URLEncoder.encode("避難所", StandardCharsets.UTF_8))
                .send().expect(200).object().getJsonArray("items").getJsonObject(0);
        assertEquals(receipt, item.getString("receiptNumber"));
        assertEquals("申請中", item.getString("stateLabel"));
        assertNotEquals(email, item.getString("contactEmail"), "masked for staff");
        assertTrue(item.getString("contactEmail").contains("***"), item::toString);
        assertProblem(api.get(items + "?state=DONE").send(), 400, "validation");
        String review = items + "/" + item.getString("id") + "/review";

        // Staff without the module's role may not decide (403); a reviewer finds it in the task list and decides.
        Api plainStaff = api.signIn(api.newUser("STAFF", lg));
        Api reviewer = reviewer();
        String etag = api.get(review).send().expect(200).etag();
        JsonObject accept = Json.createObjectBuilder().add("action", "accept").build();
        assertProblem(plainStaff.post(review + "/transitions").ifMatch(etag).json(accept).send(), 403, "transition-forbidden");
        assertProblem(plainStaff.anonymous().post(review + "/transitions").ifMatch(etag).json(accept).send(), 401, null);
        JsonObject tasks = reviewer.get(base + "/tasks").send().expect(200).object();
        String waiting = tasks.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getString("module").equals(MODULE_ID) && g.getString("kind").equals("item-to-review"))
                .findFirst().orElseThrow(() -> new AssertionError(tasks.toString())).toString();
        assertTrue(waiting.contains(receipt) && !waiting.contains(spamReceipt) && !waiting.contains(email), waiting);

        assertProblem(reviewer.post(review + "/transitions").json(accept).send(), 428, "precondition-required");
        JsonObject reject = Json.createObjectBuilder().add("action", "reject").build();
        assertProblem(reviewer.post(review + "/transitions").ifMatch(etag).json(reject).send(), 400, "validation");
        Reply accepted = reviewer.post(review + "/transitions").ifMatch(etag).json(accept).send().expect(200);
        assertEquals("ACCEPTED", accepted.object().getString("state"));
        assertEquals("受理", accepted.object().getString("stateLabel"));
        assertEquals(1, accepted.object().getJsonArray("history").size(), accepted::toString);
        assertProblem(reviewer.post(review + "/transitions").ifMatch(etag).json(accept).send(), 412, "stale-version");
        assertProblem(reviewer.post(review + "/transitions").ifMatch(accepted.etag()).json(Json.createObjectBuilder()
                .add("action", "reject").add("comment", "重複").build()).send(), 409, "transition-not-allowed");

        // What the honeypot caught is never accepted (the workflow's hook), only rejected with a reason.
        JsonObject spam = api.get(items + "?q=bot&state=SUBMITTED").send().expect(200).object().getJsonArray("items")
                .getJsonObject(0);
        assertTrue(spam.getBoolean("spam"), spam::toString);
        String spamReview = items + "/" + spam.getString("id") + "/review";
        String spamEtag = reviewer.get(spamReview).send().expect(200).etag();
        assertProblem(reviewer.post(spamReview + "/transitions").ifMatch(spamEtag).json(accept).send(), 409, "item-spam");
        reviewer.post(spamReview + "/transitions").ifMatch(spamEtag).json(Json.createObjectBuilder().add("action", "reject")
                .add("comment", "迷惑投稿").build()).send().expect(200);
    }

    @Test
    void aSendersContactIsExportedAndRemovedByCoresRetention() {
        // A municipality of its own: the retention run below must not touch the other tests' items.
        String city = Municipalities.register(api);
        Municipalities.setModule(api, city, MODULE_ID, true);
        String cityBase = Municipalities.PATH + "/" + city;
        String submissions = cityBase + "/" + MODULE_ID + "/public/submissions";
        String pd = cityBase + "/personal-data";
        Api admin = api.as("MUNICIPALITY_ADMIN", city);
        long n = System.nanoTime() % 100000;
        String typed = "Resident." + n + "@Example.JP";
        String email = typed.toLowerCase(java.util.Locale.ROOT);
        String openEmail = "still.open" + n + "@example.jp";
        String spamReceipt = api.anonymous().post(submissions).json(Json.createObjectBuilder().add("title", "防災マップの更新")
                .add("contactEmail", typed).add("website", "http://spam.example").build()).send().expect(201).object()
                .getString("receiptNumber");
        api.anonymous().post(submissions).json(Json.createObjectBuilder().add("title", "備蓄品の見直し")
                .add("contactEmail", openEmail).build()).send().expect(201);

        // Core's residents' data request finds the generated module's items (ItemResidentData) by the e-mail as typed.
        JsonObject export = admin.post(pd + "/resident-exports").json(Json.createObjectBuilder().add("email", typed).build())
                .send().expect(200).object();
        assertEquals(1, export.getInt("totalRecords"), export::toString);
        JsonObject record = export.getJsonArray("records").getJsonObject(0);
        assertEquals(MODULE_ID + ".items", record.getString("source"), record::toString);
        assertEquals(spamReceipt, record.getJsonObject("data").getString("receiptNumber"), record::toString);
        assertEquals(email, record.getJsonObject("data").getString("contactEmail"), record::toString);
        assertFalse(export.toString().contains(openEmail), export::toString);

        // Retention 0 years: what the honeypot caught loses its contact; an item still waiting for review keeps it.
        Reply settings = admin.get(pd + "/settings").send().expect(200);
        admin.put(pd + "/settings").ifMatch(settings.etag()).json("{\"retentionYears\":0}").send().expect(200);
        JsonObject run = admin.post(pd + "/anonymisations").json("{}").send().expect(200).object();
        assertEquals(1, run.getJsonObject("anonymised").getInt(MODULE_ID + ".items"), run::toString);
        assertEquals(0, admin.post(pd + "/resident-exports").json(Json.createObjectBuilder().add("email", email).build())
                .send().expect(200).object().getInt("totalRecords"));
        assertEquals(1, admin.post(pd + "/resident-exports").json(Json.createObjectBuilder().add("email", openEmail).build())
                .send().expect(200).object().getInt("totalRecords"));
        assertEquals(0, admin.post(pd + "/anonymisations").json("{}").send().expect(200).object().getInt("total"));
    }

    @Test
    void itsScreensWorkInChromium() {
        String why = WebBrowser.whyUnavailable();
        if (why != null) {
            if (WebBrowser.required()) {
                throw new AssertionError(why + ". A browser is required (-Dmachi.it.browser=required).");
            }
            Assumptions.abort(why + "; -Dmachi.it.browser=required makes this a failure.");
        }
        Api.Account account = api.newUser("STAFF", lg);
        grantReviewer(account);
        try (WebBrowser b = WebBrowser.start(server.baseUri())) {
            // A resident sends an item on the portal page: a receipt number, nothing of the contact shown back.
            b.windowSize(375, 900);
            b.open("/p/" + lg + "/" + MODULE_ID + "-summary");
            b.waitFor("form.item-form");
            b.type("form.item-form [name=title]", "画面からの訓練提案");
            b.type("form.item-form [name=contactEmail]", "browser@example.jp");
            b.click("form.item-form button.send");
            b.waitForText(".item-receipt .receipt-number", "B-");
            String receipt = b.text(".item-receipt .receipt-number", true);
            assertFalse(String.valueOf(b.script("return document.body.innerText;")).contains("browser@example.jp"));
            b.screenshot("archetype-portal");

            // A reviewer opens the module's console screen, finds it, and accepts it.
            b.windowSize(1280, 900);
            ConsoleIT.signIn(b, account);
            b.click("#nav a[data-nav='" + MODULE_ID + "/" + MODULE_ID + "-items']");
            b.waitForText("h1", "防災訓練");
            b.waitForText("table.list tbody", receipt);
            b.script("[...document.querySelectorAll('table.list tbody tr')].find(r => r.textContent.includes(arguments[0]))"
                    + ".querySelector('button.review-open').click();", receipt);
            b.waitForText("#item-review .review-state", "申請中");
            b.click("#review-accept");
            b.waitForText("#item-review .review-state", "受理");
            assertTrue(b.text("#item-review .review-history", true).contains("申請中 → 受理"));
            b.screenshot("archetype-console");
            assertEquals(List.of(), ConsoleIT.unexpectedErrors(b), "no script error, no CSP violation");
        }
    }

    /** A staff member of the municipality holding the module's reviewer role, signed in. */
    private static Api reviewer() {
        Api.Account a = api.newUser("STAFF", lg);
        grantReviewer(a);
        return api.signIn(a);
    }

    private static void grantReviewer(Api.Account a) {
        String path = base + "/users/" + a.id();
        api.grantModuleRoles(path, api.get(path).send().expect(200).etag(), MODULE_ID + ".reviewer");
    }

    /**
     * This build's artifacts into the private local repository, laid out as Maven lays out a local repository
     * (files only: no Maven run, so no plugin is needed that {@code ./mvnw verify} has not already resolved).
     */
    private static void stage(Path root, String v) throws IOException {
        put("machi-parent", v, "pom", root.resolve("pom.xml"));
        put("machi-core", v, "jar", root.resolve("core/target/machi-core-" + v + ".jar"));
        put("machi-core", v, "pom", root.resolve("core/pom.xml"));
        put("machi-app", v, "war", root.resolve("app/target/machi.war"));
        put("machi-app", v, "pom", root.resolve("app/pom.xml"));
        put("machi-module-archetype", v, "jar", root.resolve("machi-module-archetype/target/machi-module-archetype-" + v + ".jar"));
        put("machi-module-archetype", v, "pom", root.resolve("machi-module-archetype/pom.xml"));
    }

    private static void put(String artifactId, String v, String extension, Path file) throws IOException {
        put("jp.machi", artifactId, v, extension, file);
    }

    private static void put(String groupId, String artifactId, String v, String extension, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing " + file + ": build the repository first (./mvnw -B verify).");
        }
        Path dir = Files.createDirectories(repo.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(v));
        Files.copy(file, dir.resolve(artifactId + "-" + v + "." + extension), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** machi.war's persistence.xml with the module's jar added: README "Writing a module", step "Into a WAR". */
    private static String persistenceXml(Path root) throws IOException {
        String xml = Files.readString(root.resolve("app/src/main/resources/META-INF/persistence.xml"), StandardCharsets.UTF_8);
        String anchor = "<jar-file>lib/machi-module-planning.jar</jar-file>";
        assertTrue(xml.contains(anchor), "app's persistence.xml lists planning");
        return xml.replace(anchor, anchor + "\n    <jar-file>lib/" + ARTIFACT_ID + ".jar</jar-file>");
    }

    /** The vendor's WAR project: machi-app overlaid (core and planning kept) plus the generated module's jar. */
    private static String vendorPom(String v) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>jp.machi</groupId>
                    <artifactId>machi-parent</artifactId>
                    <version>%1$s</version>
                    <relativePath/>
                  </parent>
                  <groupId>jp.example</groupId>
                  <artifactId>machi-vendor</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <packaging>war</packaging>
                  <dependencies>
                    <dependency>
                      <groupId>jp.machi</groupId>
                      <artifactId>machi-app</artifactId>
                      <version>%1$s</version>
                      <type>war</type>
                      <scope>runtime</scope>
                    </dependency>
                    <dependency>
                      <groupId>jp.example.bousai</groupId>
                      <artifactId>%2$s</artifactId>
                      <version>1.0.0-SNAPSHOT</version>
                      <scope>runtime</scope>
                    </dependency>
                  </dependencies>
                  <build>
                    <finalName>machi-vendor</finalName>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-war-plugin</artifactId>
                        <configuration>
                          <failOnMissingWebXml>false</failOnMissingWebXml>
                          <outputFileNameMapping>@{artifactId}@.@{extension}@</outputFileNameMapping>
                          <overlays>
                            <overlay>
                              <groupId>jp.machi</groupId>
                              <artifactId>machi-app</artifactId>
                              <excludes>
                                <exclude>WEB-INF/lib/machi-module-engagement.jar</exclude>
                                <exclude>WEB-INF/lib/machi-module-collaboration.jar</exclude>
                                <exclude>WEB-INF/lib/machi-module-promotion.jar</exclude>
                              </excludes>
                            </overlay>
                          </overlays>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(v, ARTIFACT_ID);
    }

    /** {@code ./mvnw -B -o} in {@code dir} with the private repository; fails with the log's tail. */
    private static void maven(Path dir, String name, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ItSettings.repositoryRoot().resolve("mvnw").toString(), "-B", "-o",
                "-Dmaven.repo.local=" + repo, "-Dmaven.repo.local.tail=" + ItSettings.mavenLocalRepository()));
        cmd.addAll(List.of(args));
        Path log = logs.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        for (String k : List.of("MAVEN_OPTS", "MAVEN_ARGS", "MAVEN_BASEDIR", "MAVEN_PROJECTBASEDIR", "MAVEN_CMD_LINE_ARGS")) {
            env.remove(k);
        }
        env.put("MAVEN_OPTS", "-Xmx512m");
        env.put("LC_ALL", "C.UTF-8");
        long start = System.nanoTime();
        try {
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("mvnw " + name + " took over 10 minutes; see " + log);
            }
            minutes.append(String.format("%s: %.1f s%n", name, (System.nanoTime() - start) / 1e9));
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                throw new AssertionError("mvnw " + String.join(" ", args) + " failed in " + dir + " (" + log + "):\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
