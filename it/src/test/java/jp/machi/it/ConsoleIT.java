package jp.machi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import jp.machi.it.support.Api;
import jp.machi.it.support.BrowserTest;
import jp.machi.it.support.MachiTest;
import jp.machi.it.support.Municipalities;
import jp.machi.it.support.Reply;
import jp.machi.it.support.WebBrowser;
import org.junit.jupiter.api.Test;

/**
 * The staff console at {@code /} in a real browser (headless Chromium), as staff use it: signing
 * in (also with the keyboard only), creating an indicator with yearly targets and actuals through
 * the form and seeing its chart and ratings, the API's field errors next to the fields, an edit
 * that lost a race (412) with its reload offer, the language switch and its memory, and a module
 * switched off whose navigation entry disappears. Every account and municipality is fresh.
 */
@MachiTest
@BrowserTest
class ConsoleIT {

    private final Api api;

    ConsoleIT(Api api) {
        this.api = api;
    }

    /** Signs in through the form and waits for the console's navigation. */
    static void signIn(WebBrowser b, Api.Account account) {
        b.open("/");
        b.type("#login", account.login()).type("#password", account.password()).click("#sign-in");
        b.waitFor("#nav a[data-nav='core/indicators']");
    }

    private Api.Account admin(String lg) {
        return api.newUser("MUNICIPALITY_ADMIN", lg);
    }

    @Test
    void signInWithTheKeyboardOnlyAndSignOut(WebBrowser b) {
        String lg = Municipalities.register(api);
        Api.Account staff = api.newUser("STAFF", lg);
        b.open("/");
        b.waitFor("#login");
        assertEquals("ja", b.attribute("html", "lang"));
        assertEquals("サインイン", b.text("h1", true));
        // The form has a label for every control.
        assertEquals("ログイン名", b.text("label[for=login]", true));
        assertEquals("パスワード", b.text("label[for=password]", true));
        b.waitForScript("the login field has the focus on arrival", "return document.activeElement.id === 'login';");
        b.keys(staff.login()).keys(WebBrowser.TAB);
        assertEquals("input#password", b.focused());
        b.keys("wrong-" + staff.password()).keys(WebBrowser.ENTER);
        b.waitForText("#sign-in-error", "パスワードが正しくない");
        assertEquals("input#password", b.focused(), "after a refusal the password field has the focus again");
        b.keys(staff.password()).keys(WebBrowser.ENTER);
        b.waitForText("#who", staff.login());
        assertTrue(b.text("#who", true).contains("職員"), b.text("#who", true));
        assertEquals("試験市" + lg, b.text("#lg-name", true));
        assertFalse(b.present("#lg-select"), "only platform administrators switch municipalities");
        // The first page is the home (ホーム); the indicators are one click away.
        assertTrue(b.currentUrl().endsWith("#/" + lg + "/core/home"), b.currentUrl());
        b.waitForText("h1", "ホーム");
        b.click("#nav a[data-nav='core/indicators']");
        assertTrue(b.currentUrl().endsWith("#/" + lg + "/core/indicators"), b.currentUrl());
        b.waitForText("h1", "指標");

        b.click("#sign-out");
        b.waitForText("#sign-in-error", "サインアウトしました");
        b.reload();
        b.waitFor("#login");
        assertEquals("サインイン", b.text("h1", true));
    }

    @Test
    void createAnIndicatorWithTargetsAndActualsAndSeeItsChartAndRatings(WebBrowser b) {
        String lg = Municipalities.register(api);
        Api.Account admin = admin(lg);
        signIn(b, admin);
        b.click("#nav a[data-nav='core/indicators']");
        b.waitForText(".list-status", "0 件中");
        b.click("#new-indicator");
        b.waitForText("h1", "指標の登録");
        b.type("#ind-code", "IT-1").type("#ind-nameJa", "市民協働事業の件数").type("#ind-nameEn", "Collaborative projects");
        b.select("#indicator-form select[name=kind]", "ACTIVITY");
        b.type("#ind-category", "協働").type("#ind-unit", "件");
        b.type("#year-0-fy", "R5").type("#year-0-target", "100").type("#year-0-actual", "90");
        b.click("#add-year");
        assertEquals("input#year-1-fy", b.focused(), "a new row takes the focus");
        b.type("#year-1-fy", "2024").type("#year-1-target", "110").type("#year-1-actual", "121");
        b.screenshot("console-it-indicator-form");
        b.click("#save-indicator");

        // The indicator's page: its chart, and per fiscal year the rating as text and colour.
        b.waitForText("h1", "市民協働事業の件数");
        b.waitFor("#indicator-chart");
        b.waitForScript("a Chart.js chart on the canvas",
                "const c = window.Chart && Chart.getChart(document.getElementById('indicator-chart'));"
                        + " return c ? c.data.labels.join('|') : null;");
        assertEquals("令和5年度|令和6年度", b.script("return Chart.getChart(document.getElementById('indicator-chart')).data.labels.join('|');"));
        assertEquals("100|110", b.script("return Chart.getChart(document.getElementById('indicator-chart')).data.datasets[0].data.join('|');"));
        assertEquals("90|121", b.script("return Chart.getChart(document.getElementById('indicator-chart')).data.datasets[1].data.join('|');"));
        List<String> rows = b.texts("#indicator-years tbody tr");
        assertEquals(2, rows.size(), rows::toString);
        // 90 / 100 = 90 % → B (80 ≤ 90 < 100); 121 / 110 = 110 % → A, with the default scale.
        assertTrue(rows.get(0).startsWith("令和5年度") && rows.get(0).contains("90%") && rows.get(0).endsWith("B"), rows.get(0));
        assertTrue(rows.get(1).startsWith("令和6年度") && rows.get(1).contains("110%") && rows.get(1).endsWith("A"), rows.get(1));
        assertEquals("rgb(26, 95, 180)", b.script("return getComputedStyle(document.querySelector("
                + "'#indicator-years tbody tr:nth-child(1) .rating')).backgroundColor;"), "B is blue");
        assertEquals("rgb(30, 123, 52)", b.script("return getComputedStyle(document.querySelector("
                + "'#indicator-years tbody tr:nth-child(2) .rating')).backgroundColor;"), "A is green");
        assertTrue(b.text("#latest-rating", true).contains("A") && b.text("#latest-rating", true).contains("令和6年度"),
                b.text("#latest-rating", true));
        // The bars repeat the rating's colour.
        assertEquals("#1a5fb4|#1e7b34", b.script("return Chart.getChart(document.getElementById('indicator-chart'))"
                + ".data.datasets[1].backgroundColor.join('|');"));
        b.screenshot("console-it-indicator-detail");

        // What the browser saved is what the API has.
        JsonObject listed = api.get("/api/v1/municipalities/" + lg + "/indicators").send().expect(200).object();
        assertEquals(1, listed.getInt("totalItems"));
        JsonObject ind = listed.getJsonArray("items").getJsonObject(0);
        assertEquals("IT-1", ind.getString("code"));
        assertEquals("ACTIVITY", ind.getString("kind"));
        assertEquals(2, ind.getJsonArray("years").size());

        // Back to the list: the new indicator with its latest rating; the filters work.
        b.clickText("a", "指標の一覧へ");
        b.waitForText(".list-status", "1 件中 1〜1 件");
        assertTrue(b.text("table.list tbody", true).contains("市民協働事業の件数"));
        b.select("select[name=kind]", "OUTCOME");
        b.waitForText(".list-status", "0 件中");
        b.select("select[name=kind]", "ACTIVITY");
        b.waitForText(".list-status", "1 件中");
        b.screenshot("console-it-indicators");
        // The CSV button: the filtered list, UTF-8 with BOM, Japanese header.
        b.click(".list-tools button.csv");
        String csv = read(b.waitForDownload("indicators-" + lg + ".csv"));
        assertTrue(csv.startsWith("\uFEFF"), "BOM");
        assertTrue(csv.lines().count() == 2 && csv.contains("市民協働事業の件数"), csv);
        assertEquals(List.of(), unexpectedErrors(b));
    }

    @Test
    void theApisFieldErrorsAppearNextToTheirFields(WebBrowser b) {
        String lg = Municipalities.register(api);
        signIn(b, api.newUser("STAFF", lg));
        b.open("/#/" + lg + "/core/indicators/new");
        b.waitFor("#indicator-form");
        b.type("#ind-code", "not a code!").type("#ind-unit", "件");
        b.select("#indicator-form select[name=kind]", "OUTCOME");
        b.click("#save-indicator");
        b.waitFor("#ind-nameJa-error");
        String nameError = b.text("#ind-nameJa-error", true);
        assertFalse(nameError.isBlank());
        assertEquals("true", b.attribute("#ind-nameJa", "aria-invalid"));
        assertTrue(b.attribute("#ind-nameJa", "aria-describedby").contains("ind-nameJa-error"));
        assertFalse(b.text("#ind-code-error", true).isBlank(), "the code's pattern error is next to the code");
        assertFalse(b.present("#ind-unit[aria-invalid]"), "a correct field shows no error");
        // The summary at the top names the fields and has the focus.
        assertTrue(b.focused().startsWith("div"), b.focused());
        assertTrue(b.text(".form-summary", true).contains("名称"), b.text(".form-summary", true));
        b.screenshot("console-it-indicator-form-errors");
        assertEquals(0, api.get("/api/v1/municipalities/" + lg + "/indicators").send().expect(200).object()
                .getInt("totalItems"), "nothing was saved");
    }

    @Test
    void anEditThatLostARaceSaysSoAndOffersToReload(WebBrowser b) {
        String lg = Municipalities.register(api);
        Reply created = api.post("/api/v1/municipalities/" + lg + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "相談件数").add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .build()).send().expect(201);
        String id = created.object().getString("id");
        signIn(b, api.newUser("STAFF", lg));
        b.open("/#/" + lg + "/core/indicators/" + id + "/edit");
        b.waitFor("#indicator-form");
        // Meanwhile somebody else saves a change.
        api.put("/api/v1/municipalities/" + lg + "/indicators/" + id).ifMatch(created.etag()).json(Json.createObjectBuilder()
                .add("nameJa", "相談件数 (全体)").add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .build()).send().expect(200);
        b.type("#ind-nameJa", "相談の件数");
        b.click("#save-indicator");
        b.waitForText(".conflict", "ほかの人が先にこのデータを更新しました");
        b.screenshot("console-it-indicator-conflict");
        assertEquals("相談件数 (全体)", api.get("/api/v1/municipalities/" + lg + "/indicators/" + id).send().expect(200)
                .object().getString("nameJa"), "the stale edit was not saved");
        b.click(".conflict button.reload");
        b.waitForScript("the form with the other person's name", "const i = document.getElementById('ind-nameJa');"
                + " return i && i.value === '相談件数 (全体)';");
        b.type("#ind-nameJa", "相談の件数");
        b.click("#save-indicator");
        b.waitForText("h1", "相談の件数");
    }

    @Test
    void englishBySwitchRememberedAfterReloadAndBack(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        signIn(b, admin(lg));
        b.click("#nav a[data-nav='core/indicators']");
        b.waitForText("h1", "指標");
        b.waitForText("#nav a[data-nav='planning/planning-programs']", "事務事業");
        b.click("#lang-switch");
        b.waitForText("#nav", "Indicators");
        // The module's entry comes in English from its descriptor.
        b.waitForText("#nav a[data-nav='planning/planning-programs']", "Administrative programs");
        assertEquals("en", b.attribute("html", "lang"));
        b.waitForText("h1", "Indicators");
        b.waitForText(".list-status", "0–0 of 0");
        assertEquals("日本語", b.text("#lang-switch", true));
        assertEquals("ja", b.attribute("#lang-switch", "lang"), "the switch names Japanese in Japanese");
        assertTrue(b.text("#who", true).contains("municipality administrator"), b.text("#who", true));
        b.reload();
        b.waitForText("h1", "Indicators");
        assertEquals("en", b.attribute("html", "lang"));
        assertEquals("en", b.script("return localStorage.getItem('machi.lang');"));
        // API answers follow: an error from the API comes in English.
        b.open("/#/" + lg + "/core/indicators/" + java.util.UUID.randomUUID());
        b.waitFor(".notice-error");
        String detail = b.text(".notice-error", true);
        assertTrue(detail.matches("[\\x20-\\x7E]+"), "English problem detail: " + detail);
        b.open("/#/" + lg + "/core/settings");
        b.waitForText("#names-h", "Names");
        b.screenshot("console-it-settings-en");
        b.click("#lang-switch");
        b.waitForText("#names-h", "名称");
        assertEquals("ja", b.attribute("html", "lang"));
        b.reload();
        b.waitForText("#names-h", "名称");
        assertEquals("ja", b.script("return localStorage.getItem('machi.lang');"));
    }

    @Test
    void disablingAModuleRemovesItsNavigationEntry(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        signIn(b, admin(lg));
        String entry = "#nav a[data-nav='planning/planning-programs']";
        b.waitForText(entry, "事務事業");
        // The module's own page, from its jar, works.
        b.click(entry);
        b.waitForText("h1", "事務事業");
        b.waitForText(".list-status", "0 件中");
        assertEquals("page", b.attribute(entry, "aria-current"));

        b.click("#nav a[data-nav='core/modules']");
        b.waitFor("#toggle-planning");
        b.screenshot("console-it-modules");
        b.click("#toggle-planning");
        b.waitForAbsent(entry);
        b.waitForText("#modules-message", "無効にしました");
        assertFalse(api.get("/api/v1/municipalities/" + lg + "/modules/planning").send().expect(200).object()
                .getBoolean("enabled"));
        // Its screen is gone too, not only the link.
        b.open("/#/" + lg + "/planning/planning-programs");
        b.waitForText("h1", "画面が見つかりません");

        // Switched on again (here through the API): back after a reload.
        Municipalities.setModule(api, lg, "planning", true);
        b.reload();
        b.waitForText(entry, "事務事業");
        // Another municipality without planning never had the entry.
        String other = Municipalities.register(api);
        Api.Account otherAdmin = admin(other);
        b.click("#sign-out");
        signIn(b, otherAdmin);
        assertFalse(b.present(entry));
    }

    @Test
    void platformAdministratorsSwitchMunicipalities(WebBrowser b) {
        String a = Municipalities.register(api);
        String c = Municipalities.register(api);
        Municipalities.setModule(api, a, "planning", true);
        Api.Account root = api.newUser("PLATFORM_ADMIN", null);
        signIn(b, root);
        b.waitFor("#lg-select");
        assertEquals("自治体", b.text("label[for=lg-select]", true));
        b.select("#lg-select", a);
        b.click("#lg-go");
        b.waitForScript("hash of " + a, "return location.hash.startsWith('#/" + a + "/');");
        b.waitFor("#nav a[data-nav='planning/planning-programs']");
        b.select("#lg-select", c);
        b.click("#lg-go");
        b.waitForScript("hash of " + c, "return location.hash.startsWith('#/" + c + "/');");
        b.waitForAbsent("#nav a[data-nav='planning/planning-programs']");
        b.click("#nav a[data-nav='core/settings']");
        b.waitFor("#names-form");
        assertEquals("試験市" + c, b.attribute("#names-form input[name=nameJa]", "value"));
        assertNotEquals(a, c);
        // Platform administrators change the names (with the API's ETag).
        b.type("#names-form input[name=nameEn]", "Console Test City");
        b.click("#save-names");
        b.waitForText("#names-form .notice", "名称を保存しました");
        assertEquals("Console Test City", api.get("/api/v1/municipalities/" + c).send().expect(200).object().getString("nameEn"));
        b.type("#names-form input[name=nameKana]", "テスト city");
        b.click("#save-names");
        b.waitFor("#names-form .form-summary");
        assertEquals("true", b.attribute("#names-form input[name=nameKana]", "aria-invalid"), "kana only: the API's error at the field");
    }

    @Test
    void theRatingScaleIsSetInTheSettingsAndRatesTheIndicators(WebBrowser b) {
        String lg = Municipalities.register(api);
        String id = api.post("/api/v1/municipalities/" + lg + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "相談件数").add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2023)
                        .add("target", 100).add("actual", 90))).build()).send().expect(201).object().getString("id");
        signIn(b, admin(lg));
        b.click("#nav a[data-nav='core/settings']");
        b.waitFor("#scale-form");
        assertEquals("80", b.attribute("#scale-form input[name='grades[1].minimumPercent']", "value"));
        // A grade without a name: the API's message next to that field.
        b.type("#scale-form input[name='grades[1].label']", "");
        b.click("#save-scale");
        b.waitFor("#scale-form .form-summary");
        assertEquals("true", b.attribute("#scale-form input[name='grades[1].label']", "aria-invalid"));
        assertTrue((Boolean) b.script("const i = document.querySelector(\"#scale-form input[name='grades[1].label']\");"
                + " const e = document.getElementById(i.id + '-error'); return !e.hidden && e.textContent.length > 0;"));
        b.type("#scale-form input[name='grades[1].label']", "B");
        b.type("#scale-form input[name='grades[1].minimumPercent']", "95");
        b.click("#save-scale");
        b.waitForText("#scale-form .notice", "評価基準を保存しました");
        // 90 % is now below B's 95 %: C.
        b.open("/#/" + lg + "/core/indicators/" + id);
        b.waitFor("#indicator-years");
        assertTrue(b.text("#indicator-years tbody tr", true).endsWith("C"), b.text("#indicator-years tbody tr", true));

        // Years before a final target: not rated until the municipality chooses a rule (here the line from the baseline).
        String towards = api.post("/api/v1/municipalities/" + lg + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "協働事業件数").add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("baseline", Json.createObjectBuilder().add("value", 50).add("fiscalYear", 2020))
                .add("finalTarget", Json.createObjectBuilder().add("value", 110).add("fiscalYear", 2026))
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2023).add("actual", 76)))
                .build()).send().expect(201).object().getString("id");
        b.open("/#/" + lg + "/core/indicators/" + towards);
        b.waitFor("#indicator-years");
        String unrated = b.text("#indicator-years tbody tr", true);
        assertTrue(unrated.startsWith("令和5年度") && unrated.contains("—") && !unrated.contains("按分"), unrated);
        b.open("/#/" + lg + "/core/settings");
        b.waitFor("#scale-form");
        assertEquals("NO_TARGET", b.attribute("#scale-form select[name=interimYears]", "value"));
        b.select("#scale-form select[name=interimYears]", "INTERPOLATE");
        b.click("#save-scale");
        b.waitForText("#scale-form .notice", "評価基準を保存しました");
        assertEquals("INTERPOLATE", api.get("/api/v1/municipalities/" + lg + "/rating-scale").send().expect(200).object()
                .getString("interimYears"));
        // 50 + (110 − 50) × 3/6 = 80 in 令和5年度; 76 of 80 = 95 %: B on this scale (B from 95 %).
        b.open("/#/" + lg + "/core/indicators/" + towards);
        b.waitFor("#indicator-years");
        String rated = b.text("#indicator-years tbody tr", true);
        assertTrue(rated.contains("80 (按分)") && rated.endsWith("B"), rated);
        // The names are the platform administrators': shown, not editable here.
        b.open("/#/" + lg + "/core/settings");
        b.waitFor("#names-form");
        assertEquals("true", b.attribute("#names-form input[name=nameEn]", "disabled"));
        assertFalse(b.present("#save-names"));
    }

    @Test
    void administratorsManageUsersStaffDoNotSeeThem(WebBrowser b) {
        String lg = Municipalities.register(api);
        signIn(b, admin(lg));
        b.click("#nav a[data-nav='core/users']");
        b.click("#new-user");
        b.waitFor("#user-form");
        String login = "clerk-" + Long.toString(System.nanoTime(), 36);
        b.type("#user-login", login).type("#user-displayName", "窓口 花子").type("#user-password", "short");
        b.select("#user-form select[name=role]", "STAFF");
        b.click("#save-user");
        b.waitFor("#user-password-error");
        assertFalse(b.text("#user-password-error", true).isBlank(), "the password rule is named next to the password");
        assertEquals("true", b.attribute("#user-password", "aria-invalid"));
        String password = Api.newPassword();
        b.type("#user-password", password);
        b.click("#save-user");
        b.waitForText("table.list tbody", login);
        // The new account signs in, and as staff sees no user administration.
        b.click("#sign-out");
        signIn(b, new Api.Account(null, login, password, "STAFF", lg));
        assertTrue(b.text("#who", true).contains("窓口 花子"), "signed in by display name: " + b.text("#who", true));
        assertFalse(b.present("#nav a[data-nav='core/users']"));
        b.open("/#/" + lg + "/core/users");
        b.waitForText("h1", "画面が見つかりません");
    }

    @Test
    void everyScreenHasOneHeadingAndLabelledControls(WebBrowser b) {
        String lg = Municipalities.register(api);
        Municipalities.setModule(api, lg, "planning", true);
        String id = api.post("/api/v1/municipalities/" + lg + "/indicators").json(Json.createObjectBuilder()
                .add("nameJa", "相談件数").add("kind", "ACTIVITY").add("unit", "件").add("direction", "HIGHER_IS_BETTER")
                .add("years", Json.createArrayBuilder().add(Json.createObjectBuilder().add("fiscalYear", 2023)
                        .add("target", 100).add("actual", 90))).build()).send().expect(201).object().getString("id");
        String plan = api.post("/api/v1/municipalities/" + lg + "/planning/plans").json(Json.createObjectBuilder()
                .add("name", "総合計画").add("firstFiscalYear", "R3").add("lastFiscalYear", "R7").build()).send().expect(201)
                .object().getString("id");
        api.post("/api/v1/municipalities/" + lg + "/planning/plans/" + plan + "/nodes")
                .json(Json.createObjectBuilder().add("number", "1").add("title", "安心して暮らせるまち").build()).send().expect(201);
        signIn(b, admin(lg));
        String audit = AUDIT;
        for (String[] screen : new String[][] {{"core/home", "#home-tasks"}, {"core/tasks", ".task-intro"}, {"core/indicators", ".list-status"}, {"core/indicators/new", "#indicator-form"},
                {"core/indicators/" + id, "#indicator-years"}, {"core/indicators/" + id + "/edit", "#indicator-form"},
                {"core/actuals", "#actuals-choose"}, {"core/units", "#reorg-form"}, {"core/settings", "#scale-form"}, {"core/modules", "#modules-table"},
                {"core/users", ".list-status"}, {"core/users/new", "#user-form"}, {"planning/planning-programs", ".list-status"},
                {"planning/planning-plans", "#plan-new"}, {"planning/planning-plans/" + plan + "/edit", "#plan-edit-tree"}}) {
            b.open("/#/" + lg + "/" + screen[0]);
            b.waitForScript("the screen " + screen[0] + " drawn", "return document.getElementById('page').dataset.route === arguments[0];",
                    "#/" + lg + "/" + screen[0]);
            b.waitFor(screen[1]);
            assertEquals("{\"h1\":1,\"unlabelled\":[],\"lang\":\"ja\",\"canvasLabel\":true}", b.script(audit), screen[0]);
        }
        assertEquals(List.of(), unexpectedErrors(b));
    }

    /**
     * The accessibility audit of a drawn screen: one h1, every visible control labelled, the page's
     * language, every canvas described. {@code b.script(AUDIT)} answers
     * {@code {"h1":1,"unlabelled":[],"lang":"ja","canvasLabel":true}} when all holds.
     */
    static final String AUDIT = "const bad = [...document.querySelectorAll('input, select, textarea, button')]"
            + ".filter((e) => e.type !== 'hidden' && e.offsetParent !== null)"
            + ".filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !(e.tagName === 'BUTTON' && e.textContent.trim()))"
            + ".map((e) => e.outerHTML.slice(0, 80));"
            + " return JSON.stringify({h1: document.querySelectorAll('h1').length, unlabelled: bad,"
            + " lang: document.documentElement.lang, canvasLabel: [...document.querySelectorAll('canvas')].every((c) => c.getAttribute('aria-label'))});";

    /** What {@link #AUDIT} answers for a screen that passes. */
    static final String AUDIT_PASSED = "{\"h1\":1,\"unlabelled\":[],\"lang\":\"ja\",\"canvasLabel\":true}";

    private static String read(java.nio.file.Path f) {
        try {
            return java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Console errors other than the expected 401 of "who am I" before signing in. */
    static List<String> unexpectedErrors(WebBrowser b) {
        return b.consoleErrors().stream().filter(e -> !(e.contains("/api/v1/session ") && e.contains("401"))).toList();
    }
}
