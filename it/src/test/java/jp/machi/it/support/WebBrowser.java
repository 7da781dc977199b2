package jp.machi.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A real browser for the black-box tests: Debian's headless Chromium, driven through
 * {@code /usr/bin/chromedriver} with the W3C WebDriver protocol spoken directly over HTTP (no
 * Selenium, so nothing is ever downloaded: see docs/adr/0008-web-console.md). One instance is one
 * chromedriver process and one browser with a fresh profile; {@link #close()} ends both.
 *
 * <pre>{@code
 * @MachiTest @BrowserTest
 * class SomethingIT {
 *     @Test void signIn(WebBrowser browser) {
 *         browser.open("/");
 *         browser.type("#login", "x").type("#password", "y").click("#sign-in");
 *         browser.waitForText("h1", "指標");
 *         browser.screenshot("signed-in");
 *     }
 * }
 * }</pre>
 *
 * Waits are explicit: every {@code waitFor…} polls the page until its condition holds or
 * {@link #TIMEOUT} passes, and then fails with what it saw. Elements are named by CSS selectors.
 */
public final class WebBrowser implements AutoCloseable {

    /** How long a wait lasts before the test fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** The W3C name of an element reference in WebDriver JSON. */
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    public static final String TAB = "\uE004";
    public static final String ENTER = "\uE007";
    public static final String SHIFT_TAB = "\uE008\uE004\uE008";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final Process driver;
    private final URI driverUri;
    private final String session;
    private final Path profile;
    private final Path downloads;

    private WebBrowser(URI base, Process driver, URI driverUri, String session, Path profile, Path downloads) {
        this.base = base;
        this.driver = driver;
        this.driverUri = driverUri;
        this.session = session;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** The Chromium binary: {@code -Dmachi.it.chromium}, default {@code /usr/bin/chromium}. */
    public static Path chromium() {
        return Path.of(System.getProperty("machi.it.chromium", "/usr/bin/chromium"));
    }

    /** The driver binary: {@code -Dmachi.it.chromedriver}, default {@code /usr/bin/chromedriver}. */
    public static Path chromedriver() {
        return Path.of(System.getProperty("machi.it.chromedriver", "/usr/bin/chromedriver"));
    }

    /** {@code -Dmachi.it.browser=required}: a missing browser fails the browser tests instead of skipping them. */
    public static boolean required() {
        return "required".equalsIgnoreCase(System.getProperty("machi.it.browser", "").trim());
    }

    /** Why no browser test can run here, or null when Chromium and its driver are installed. */
    public static String whyUnavailable() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(chromium())) {
            missing.add(chromium() + " (Debian package chromium)");
        }
        if (!Files.isExecutable(chromedriver())) {
            missing.add(chromedriver() + " (Debian package chromium-driver)");
        }
        return missing.isEmpty() ? null : "No headless browser: missing " + String.join(" and ", missing)
                + "; install them with: apt-get install -y chromium chromium-driver";
    }

    /** Starts chromedriver and a fresh Chromium whose relative URLs resolve against {@code base}. */
    public static WebBrowser start(URI base) {
        String why = whyUnavailable();
        if (why != null) {
            throw new IllegalStateException(why);
        }
        int port = freePort();
        Path dir = ItSettings.workDir().resolve("browser");
        Path profile;
        Path downloads = dir.resolve("downloads-" + port);
        Path log = dir.resolve("chromedriver-" + port + ".log");
        Process p;
        try {
            Files.createDirectories(dir);
            profile = Files.createTempDirectory(dir, "profile-");
            Files.createDirectories(downloads);
            ProcessBuilder pb = new ProcessBuilder(chromedriver().toString(), "--port=" + port,
                    "--allowed-ips=127.0.0.1", "--log-path=" + log).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("chromedriver-" + port + ".out").toFile());
            // Selenium Manager plays no part (there is no Selenium), and neither driver nor browser
            // may fetch anything: no proxies from the environment either.
            pb.environment().keySet().removeIf(k -> k.toLowerCase().endsWith("_proxy"));
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + chromedriver(), e);
        }
        URI driverUri = URI.create("http://127.0.0.1:" + port + "/");
        try {
            awaitDriver(p, driverUri, log);
            JsonObject options = Json.createObjectBuilder()
                    .add("binary", chromium().toString())
                    .add("args", Json.createArrayBuilder(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                            "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                            "--disable-default-apps", "--disable-extensions", "--no-default-browser-check",
                            "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=ja")))
                    .add("prefs", Json.createObjectBuilder()
                            .add("download.default_directory", downloads.toString())
                            .add("download.prompt_for_download", false))
                    .build();
            JsonObject caps = Json.createObjectBuilder().add("capabilities", Json.createObjectBuilder()
                    .add("alwaysMatch", Json.createObjectBuilder()
                            .add("browserName", "chrome")
                            .add("pageLoadStrategy", "normal")
                            .add("goog:chromeOptions", options)
                            .add("goog:loggingPrefs", Json.createObjectBuilder().add("browser", "ALL"))
                            .add("timeouts", Json.createObjectBuilder().add("pageLoad", 60_000).add("script", 30_000)))).build();
            JsonObject value = call(driverUri, "POST", "session", caps).asJsonObject();
            return new WebBrowser(base, p, driverUri, value.getString("sessionId"), profile, downloads);
        } catch (RuntimeException | AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private static void awaitDriver(Process p, URI driverUri, Path log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("chromedriver exited with " + p.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(driverUri.resolve("status"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            pause(100);
        }
        throw new AssertionError("chromedriver did not answer within 30 s; see " + log);
    }

    public URI base() {
        return base;
    }

    // ---- navigation -------------------------------------------------------------------------

    /** Opens {@code path} (e.g. "/" or "/#/indicators") on the server under test and waits for the load. */
    public WebBrowser open(String path) {
        String url = base.resolve(path.startsWith("/") ? path.substring(1) : path).toString();
        cmd("POST", "url", Json.createObjectBuilder().add("url", url).build());
        return this;
    }

    /** Reloads the current page. */
    public WebBrowser reload() {
        cmd("POST", "refresh", Json.createObjectBuilder().build());
        return this;
    }

    /** Resizes the window to {@code width} × {@code height} CSS pixels (375 wide: a phone). */
    public WebBrowser windowSize(int width, int height) {
        cmd("POST", "window/rect", Json.createObjectBuilder().add("width", width).add("height", height).build());
        return this;
    }

    public String currentUrl() {
        return ((JsonString) cmd("GET", "url", null)).getString();
    }

    // ---- waiting ----------------------------------------------------------------------------

    /** Waits until an element matching {@code css} is present and displayed; returns its reference. */
    public String waitFor(String css) {
        return until("a visible element " + css, () -> find(css).filter(this::displayed).orElse(null));
    }

    /** Waits until some element matching {@code css} shows {@code text} (a substring of its visible text). */
    public String waitForText(String css, String text) {
        return until("an element " + css + " showing \"" + text + "\" (page shows: " + snippet() + ")", () -> {
            for (String id : findAll(css)) {
                String shown = text(id);
                if (shown != null && shown.contains(text)) {
                    return id;
                }
            }
            return null;
        });
    }

    /** Waits until no element matching {@code css} is present. */
    public WebBrowser waitForAbsent(String css) {
        until("no element " + css, () -> find(css).isEmpty() ? Boolean.TRUE : null);
        return this;
    }

    /** Waits until {@code js} (a function body with {@code return}) gives a truthy value; returns it. */
    public Object waitForScript(String description, String js, Object... args) {
        return until(description, () -> {
            Object v = script(js, args);
            return v == null || Boolean.FALSE.equals(v) || "".equals(v) ? null : v;
        });
    }

    private <T> T until(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                T v = probe.get();
                if (v != null) {
                    return v;
                }
            } catch (StaleElement e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + TIMEOUT.toSeconds() + " s for " + what + " at " + currentUrl()
                        + consoleErrorsSuffix(), last);
            }
            pause(100);
        }
    }

    // ---- acting -----------------------------------------------------------------------------

    /** Waits for {@code css}, clears it and types {@code text} into it. */
    public WebBrowser type(String css, String text) {
        String id = waitFor(css);
        cmd("POST", "element/" + id + "/clear", Json.createObjectBuilder().build());
        cmd("POST", "element/" + id + "/value", Json.createObjectBuilder().add("text", text).build());
        return this;
    }

    /** Types into whatever has the focus (keys such as {@link #TAB} and {@link #ENTER} included). */
    public WebBrowser keys(String text) {
        String id = activeElement();
        cmd("POST", "element/" + id + "/value", Json.createObjectBuilder().add("text", text).build());
        return this;
    }

    /** Chooses the option with value {@code value} of the select {@code css}. */
    public WebBrowser select(String css, String value) {
        waitFor(css);
        script("const s = document.querySelector(arguments[0]); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('input', {bubbles: true}));"
                + " s.dispatchEvent(new Event('change', {bubbles: true}));", css, value);
        return this;
    }

    /** Waits for {@code css} to be visible and clicks it. */
    public WebBrowser click(String css) {
        String id = waitFor(css);
        cmd("POST", "element/" + id + "/click", Json.createObjectBuilder().build());
        return this;
    }

    /** Clicks the first visible element matching {@code css} whose text contains {@code text}. */
    public WebBrowser clickText(String css, String text) {
        String id = waitForText(css, text);
        cmd("POST", "element/" + id + "/click", Json.createObjectBuilder().build());
        return this;
    }

    // ---- reading ----------------------------------------------------------------------------

    /** The visible text of the first element matching {@code css} (waits for it). */
    public String text(String css, boolean wait) {
        String id = wait ? waitFor(css) : find(css).orElseThrow(() -> new AssertionError("No element " + css));
        return text(id);
    }

    /** All elements matching {@code css}, their visible texts. */
    public List<String> texts(String css) {
        return findAll(css).stream().map(this::text).toList();
    }

    public boolean present(String css) {
        return find(css).isPresent();
    }

    /** The value of an attribute or property through the DOM ({@code el[name]}, else {@code getAttribute}). */
    public String attribute(String css, String name) {
        Object v = script("const e = document.querySelector(arguments[0]); if (!e) return null;"
                + " const p = e[arguments[1]]; return p === undefined || p === null ? e.getAttribute(arguments[1]) : String(p);",
                css, name);
        return v == null ? null : v.toString();
    }

    /** Which element has the focus, as {@code tag#id}. */
    public String focused() {
        Object v = script("const e = document.activeElement; return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') : null;");
        return v == null ? null : v.toString();
    }

    /** Runs {@code js} (a function body; {@code arguments[i]} are the args) in the page; numbers, strings, booleans, null back. */
    public Object script(String js, Object... args) {
        var a = Json.createArrayBuilder();
        for (Object o : args) {
            if (o == null) {
                a.addNull();
            } else if (o instanceof Number n) {
                a.add(n.doubleValue());
            } else if (o instanceof Boolean b) {
                a.add(b);
            } else {
                a.add(o.toString());
            }
        }
        JsonValue v = cmd("POST", "execute/sync", Json.createObjectBuilder().add("script", js).add("args", a).build());
        return plain(v);
    }

    private static Object plain(JsonValue v) {
        if (v == null) {
            return null;
        }
        return switch (v.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((jakarta.json.JsonNumber) v).doubleValue();
            default -> v.toString();
        };
    }

    /** Waits until the browser has finished downloading {@code fileName}; returns the file. */
    public Path waitForDownload(String fileName) {
        Path f = downloads.resolve(fileName);
        return until("the download " + f, () -> Files.isRegularFile(f)
                && !Files.exists(downloads.resolve(fileName + ".crdownload")) ? f : null);
    }

    /** A PNG of the window, written to {@code file} (directories created). */
    public Path screenshot(Path file) {
        String b64 = ((JsonString) cmd("GET", "screenshot", null)).getString();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(b64));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A PNG of the window in {@code it/target/screenshots-<db>/<name>.png}. */
    public Path screenshot(String name) {
        return screenshot(screenshotDir().resolve(name + ".png"));
    }

    /** {@code it/target/screenshots-<db>/}. */
    public static Path screenshotDir() {
        return ItSettings.workDir().resolve("screenshots-" + ItSettings.db().id());
    }

    /**
     * The browser console's errors since the last call (level SEVERE: uncaught exceptions,
     * {@code console.error}, failed loads, CSP violations).
     */
    public List<String> consoleErrors() {
        JsonValue v = cmd("POST", "se/log", Json.createObjectBuilder().add("type", "browser").build());
        List<String> errors = new ArrayList<>();
        if (v instanceof JsonArray arr) {
            for (JsonValue e : arr) {
                JsonObject o = e.asJsonObject();
                if ("SEVERE".equals(o.getString("level", ""))) {
                    errors.add(o.getString("message", o.toString()));
                }
            }
        }
        return errors;
    }

    private String consoleErrorsSuffix() {
        try {
            List<String> errors = consoleErrors();
            return errors.isEmpty() ? "" : "; browser console errors: " + errors;
        } catch (RuntimeException | AssertionError e) {
            return "";
        }
    }

    private String snippet() {
        try {
            Object t = script("return document.body ? document.body.innerText : '';");
            String s = t == null ? "" : t.toString().replaceAll("\\s+", " ");
            return s.length() > 300 ? s.substring(0, 300) + "…" : s;
        } catch (RuntimeException | AssertionError e) {
            return "?";
        }
    }

    // ---- elements ---------------------------------------------------------------------------

    private Optional<String> find(String css) {
        List<String> all = findAll(css);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private List<String> findAll(String css) {
        JsonValue v = cmd("POST", "elements", Json.createObjectBuilder().add("using", "css selector").add("value", css).build());
        List<String> ids = new ArrayList<>();
        for (JsonValue e : v.asJsonArray()) {
            ids.add(e.asJsonObject().getString(ELEMENT));
        }
        return ids;
    }

    private boolean displayed(String id) {
        JsonValue v = cmd("GET", "element/" + id + "/displayed", null);
        return v == JsonValue.TRUE;
    }

    private String text(String id) {
        JsonValue v = cmd("GET", "element/" + id + "/text", null);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private String activeElement() {
        return cmd("GET", "element/active", null).asJsonObject().getString(ELEMENT);
    }

    /** An element went away between finding and using it: the wait tries again. */
    private static final class StaleElement extends RuntimeException {
        StaleElement(String m) {
            super(m);
        }
    }

    private JsonValue cmd(String method, String path, JsonObject body) {
        return call(driverUri, method, "session/" + session + "/" + path, body);
    }

    private static JsonValue call(URI driverUri, String method, String path, JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(driverUri.resolve(path)).timeout(Duration.ofSeconds(90));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> r;
        try {
            r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("WebDriver " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        JsonObject answer = Json.createReader(new StringReader(r.body())).readObject();
        JsonValue value = answer.get("value");
        if (r.statusCode() != 200) {
            String error = value instanceof JsonObject o ? o.getString("error", "") : "";
            String message = value instanceof JsonObject o ? o.getString("message", "") : r.body();
            if ("stale element reference".equals(error) || "no such element".equals(error)) {
                throw new StaleElement(error + ": " + message);
            }
            throw new AssertionError("WebDriver " + method + " " + path + " → " + r.statusCode() + " " + error + ": "
                    + message.lines().findFirst().orElse(""));
        }
        return value;
    }

    /** Ends the browser and its driver and removes the profile. */
    @Override
    public void close() {
        try {
            call(driverUri, "DELETE", "session/" + session, null);
        } catch (RuntimeException | AssertionError e) {
            // the driver is killed below anyway
        }
        driver.destroy();
        try {
            driver.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(5), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        driver.destroyForcibly();
        try (Stream<Path> s = Files.walk(profile)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover profile under target/ harms nobody
        }
    }

    private static int freePort() {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                int p = s.getLocalPort();
                if (p != 8080 && (p < 18000 || p > 18199)) {
                    return p;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No free port");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
